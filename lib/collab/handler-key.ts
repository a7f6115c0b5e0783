/** Where the co-editing server leaves its WebSocket handler for scripts/server.mjs (lib/collab/upgrade.mjs). */
export const COLLAB_HANDLER = Symbol.for('broadsheet.collab');
