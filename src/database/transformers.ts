import { ValueTransformer } from 'typeorm';

/** pg returns BIGINT as a string; our sequences stay far below 2^53. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
