import { z } from 'zod';

/** One allowed origin: scheme, host and optional port, exactly as browsers send it in the Origin header. */
export const corsOriginSchema = z
  .string()
  .trim()
  .refine((v) => {
    if (!URL.canParse(v)) return false;
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v;
  }, 'Each line must be an origin such as https://app.example.com (scheme and host, optional port; no path or trailing slash).');

/** The "Allowed origins" textarea: one origin per line, blank lines ignored, duplicates dropped. */
export const corsOriginsFormSchema = z.object({
  corsOrigins: z
    .string()
    .max(20_000, 'That is too long; list at most 100 origins.')
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(z.array(corsOriginSchema).max(100, 'List at most 100 origins.'))
    .transform((list) => [...new Set(list)]),
});
