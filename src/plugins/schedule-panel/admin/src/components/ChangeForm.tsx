import * as React from 'react';
import { Box, Button, Field, Flex } from '@strapi/design-system';

export interface ChangeField {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

/** A small inline form for one session change: its fields as text, "Save change" hands them back, nothing stored until the program is saved. */
export const ChangeForm = ({ title, fields, onSubmit, onClose }: { title: string; fields: ChangeField[]; onSubmit: (values: Record<string, string>) => void; onClose: () => void }) => {
  const [values, setValues] = React.useState<Record<string, string>>({});
  const missing = fields.some((field) => field.required && !values[field.name]?.trim());
  return (
    // Not a <form>: it sits inside the Content Manager's form, which a nested submit would save.
    <Box role="group" aria-label={title} padding={3} marginTop={2} background="neutral100" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={2}>
        {fields.map((field) => (
          <Field.Root key={field.name} name={field.name} hint={field.hint} required={field.required}>
            <Field.Label>{field.label}</Field.Label>
            <Field.Input value={values[field.name] ?? ''} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field.name]: event.target.value })} />
            <Field.Hint />
          </Field.Root>
        ))}
        <Flex gap={2}>
          <Button size="S" type="button" disabled={missing} onClick={() => onSubmit(values)}>
            Save change
          </Button>
          <Button size="S" type="button" variant="tertiary" onClick={onClose}>
            Close
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

/** The form's values for a move or an extra, as the session-change component stores them (empty ones left out). */
export const changeValues = (values: Record<string, string>) => ({
  ...(values.newDate?.trim() ? { newDate: values.newDate.trim() } : {}),
  ...(values.date?.trim() ? { date: values.date.trim() } : {}),
  ...(values.startTime?.trim() ? { startTime: /^\d{2}:\d{2}$/.test(values.startTime.trim()) ? `${values.startTime.trim()}:00.000` : values.startTime.trim() } : {}),
  ...(values.durationMinutes?.trim() ? { durationMinutes: Number(values.durationMinutes) } : {}),
  ...(values.location?.trim() ? { location: values.location.trim() } : {}),
});

export const MOVE_FIELDS: ChangeField[] = [
  { name: 'newDate', label: 'New date', hint: 'YYYY-MM-DD; empty keeps the day' },
  { name: 'startTime', label: 'Start time', hint: 'HH:MM; empty keeps the time' },
  { name: 'durationMinutes', label: 'Length in minutes', hint: 'Empty keeps the length' },
  { name: 'location', label: 'Place', hint: 'Empty keeps the place' },
];
