// Field names the comment form shares with the server, apart from the form's zod schema
// (./comments.ts) so the reader's page carries them without zod until the form is used.

/** Field names of the anti-spam extras: the signed form token and the honeypot bots fill in. */
export const FORM_TOKEN_FIELD = 'formToken';
export const HONEYPOT_FIELD = 'contact_fax';
