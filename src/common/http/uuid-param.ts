import { Param, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../errors/domain-error';

class ParseId implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!isUUID(value, 'all')) throw DomainError.invalidField(this.name, 'must be a UUID');
    return value.toLowerCase();
  }
}

/** A UUID path parameter (lower-cased); anything else is a 400 naming the parameter, never a 500. */
export const UuidParam = (name: string) => Param(name, new ParseId(name));
