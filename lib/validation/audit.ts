import { z } from 'zod';

const optionalFilter = z
  .string()
  .trim()
  .max(60)
  .regex(/^[a-z0-9_.]*$/i)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);

/** The audit page's search params; anything malformed falls back to "no filter" / page 1. */
export const auditQuerySchema = z.object({
  entityType: optionalFilter,
  action: optionalFilter,
  actorId: optionalFilter,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
