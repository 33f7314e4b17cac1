// Every migration, oldest first. `npm run migration:generate -- <Name>` appends here.
import { Investigation1795476495426 } from './1795476495426-Investigation';
import { AuditAppendOnly1795474956970 } from './1795474956970-AuditAppendOnly';
import { Initial1795474956969 } from './1795474956969-Initial';
export const MIGRATIONS: Function[] = [Initial1795474956969, AuditAppendOnly1795474956970, Investigation1795476495426];
