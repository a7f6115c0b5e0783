import { z } from 'zod';

export const CORRECTION_KINDS = ['CORRECTION', 'CLARIFICATION', 'UPDATE'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = { CORRECTION: 'Correction', CLARIFICATION: 'Clarification', UPDATE: 'Update' };
export const CORRECTION_KIND_OPTIONS = CORRECTION_KINDS.map((value) => ({ value, label: CORRECTION_KIND_LABELS[value] }));

const idSchema = z.string().trim().min(1).max(40);

/** The "Corrections" panel's form: a note added to a published article (its date is set by the server). */
export const addCorrectionSchema = z.object({
  articleId: idSchema,
  kind: z.enum(CORRECTION_KINDS, { error: 'Choose Correction, Clarification or Update.' }),
  note: z.string().trim().min(1, 'Write the note readers will see.').max(2000, 'Keep the note under 2,000 characters.'),
});
export type AddCorrectionInput = z.output<typeof addCorrectionSchema>;

export const withdrawCorrectionSchema = z.object({ articleId: idSchema, correctionId: idSchema });
