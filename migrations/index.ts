// Every migration, oldest first. `npm run migration:generate -- <Name>` appends here.
import { AuditAppendOnly1795474956970 } from './1795474956970-AuditAppendOnly';
import { Initial1795474956969 } from './1795474956969-Initial';
export const MIGRATIONS: Function[] = [Initial1795474956969, AuditAppendOnly1795474956970];
