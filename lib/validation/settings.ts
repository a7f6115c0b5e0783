import { z } from 'zod';
import { isValidTimeZone } from '@/lib/time-zone';

// A blank field must not become 0 (a real latitude): empty text is "missing", not a number.
const coordinate = (min: number, max: number, what: string) =>
  z
    .string({ message: `Enter the ${what}.` })
    .trim()
    .min(1, `Enter the ${what}.`)
    .transform((v) => Number(v.replace(',', '.').replace('\u2212', '-')))
    .pipe(
      z
        .number({ message: `Enter the ${what} as a number, e.g. ${min === -90 ? '48.8566' : '2.3522'}.` })
        .min(min, `The ${what} must be between ${min} and ${max}.`)
        .max(max, `The ${what} must be between ${min} and ${max}.`),
    );

/** The site settings form (admins): site name, time zone and the weather city. */
export const siteSettingsFormSchema = z.object({
  name: z.string({ message: 'Enter the site name.' }).trim().min(1, 'Enter the site name.').max(80, 'Keep the site name under 80 characters.'),
  timeZone: z
    .string({ message: 'Enter a time zone.' })
    .trim()
    .min(1, 'Enter a time zone, e.g. Europe/London.')
    .refine(isValidTimeZone, 'This is not a time zone we know. Use an IANA name such as Europe/London or America/New_York.'),
  city: z.string({ message: 'Enter the city name.' }).trim().min(1, 'Enter the city name shown beside the weather.').max(80, 'Keep the city name under 80 characters.'),
  latitude: coordinate(-90, 90, 'latitude'),
  longitude: coordinate(-180, 180, 'longitude'),
});

export type SiteSettingsInput = z.output<typeof siteSettingsFormSchema>;
