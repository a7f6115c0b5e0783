// Stands in for `server-only` under vitest, so lib/ modules can be imported by tests.
export {};
