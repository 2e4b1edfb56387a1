import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * Validates a form with a shared API schema when the form's values are not the API input as they
 * stand (datetime-local inputs, empty strings for "none", a version kept outside the form):
 * `toInput` maps them first. Issue paths stay the form's field names, so messages land inline,
 * and submit handlers receive the schema's parsed output, ready to send.
 */
export function mappedResolver<TForm extends FieldValues, TSchema extends z.ZodType<unknown, FieldValues>>(
  schema: TSchema,
  toInput: (values: TForm) => z.input<TSchema>,
): Resolver<TForm, unknown, z.output<TSchema>> {
  const base = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, z.output<TSchema>>;
  return (values, context, options) => base(toInput(values) as FieldValues, context, options as never) as never;
}
