/** One level of a framework version's rating scale; "don't know" is never a level (stored as NULL). */
export interface ScaleLevel {
  value: number;
  label: string;
  description: string;
}

export const SCALE_MIN_LEVELS = 2;
export const SCALE_MAX_LEVELS = 10;
export const SCALE_MIN_VALUE = 0;
export const SCALE_MAX_VALUE = 100;

/** A dimension key: lowercase words joined by hyphens, as the database checks it. */
export const DIMENSION_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const DIMENSION_KEY_MAX = 60;

/** What is wrong with a scale, one message per field; empty when it is valid. */
export function scaleErrors(
  scale: readonly Pick<ScaleLevel, 'value'>[],
  field = 'scale',
): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (scale.length < SCALE_MIN_LEVELS || scale.length > SCALE_MAX_LEVELS)
    errors.push({
      field,
      message: `${field} must have between ${SCALE_MIN_LEVELS} and ${SCALE_MAX_LEVELS} levels (it has ${scale.length})`,
    });
  scale.forEach((level, index) => {
    if (index > 0 && level.value <= scale[index - 1]!.value)
      errors.push({
        field: `${field}.${index}.value`,
        message: `${field} values must be unique and ascending: ${level.value} comes after ${scale[index - 1]!.value}`,
      });
  });
  return errors;
}
