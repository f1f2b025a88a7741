import { Text, TextInput, type TextInputProps } from "@mantine/core";
import { useEffect, useState } from "react";
import { formatViNumber, parseViNumber } from "../../domain/numbers.ts";

type Props = Omit<TextInputProps, "value" | "onChange" | "type"> & {
  value: number | null;
  /** The number understood (null when empty or unreadable) and, when unreadable, why. */
  onChange: (value: number | null, problem: string | null) => void;
};

const show = (v: number | null) => (v === null ? "" : formatViNumber(v, 6));

/**
 * Every numeric input of the app: plain text read the Vietnamese way by domain/numbers.ts ("1.234,5",
 * "99,8", "1 234"), showing as one types what it understood ("= 1.234,5") or why it cannot read it.
 * Replaces Mantine's NumberInput, which rewrites the text while one types (typing "99,8" gave 8).
 */
export function NumberField({ value, onChange, error, description, ...rest }: Props) {
  const [text, setText] = useState(show(value));
  // a value set from outside (loading, reset) replaces the text, unless it is what the text already says
  useEffect(() => {
    setText((current) => {
      const parsed = current.trim() === "" ? null : parseViNumber(current);
      const understood = parsed?.ok ? parsed.value : null;
      if (understood === value || (value === null && parsed && !parsed.ok)) return current;
      return show(value);
    });
  }, [value]);
  const parsed = text.trim() === "" ? null : parseViNumber(text);
  const problem = parsed && !parsed.ok ? parsed.reason : null;
  const understood =
    parsed?.ok === true ? (
      <Text span size="xs" c="dimmed" data-testid="number-understood">
        = {formatViNumber(parsed.value, 6)}
      </Text>
    ) : null;
  return (
    <TextInput
      {...rest}
      inputMode="decimal"
      autoComplete="off"
      value={text}
      error={problem ?? error}
      description={
        understood || description ? (
          <>
            {understood}
            {understood && description ? " · " : null}
            {description}
          </>
        ) : undefined
      }
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const p = next.trim() === "" ? null : parseViNumber(next);
        onChange(p?.ok ? p.value : null, p && !p.ok ? p.reason : null);
      }}
    />
  );
}
