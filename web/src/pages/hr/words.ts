import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** The API's values in the words HR reads them (the summary quotes the policy's own clauses itself). */
export { EVIDENCE_KIND_NAMES, FINDING_NAMES, NOTICE_METHOD_NAMES, SENSITIVITY_NAMES } from '../../lib/words';

export const SANCTION_NAMES: Record<NonNullable<Schemas['SummaryOutcome']['sanction']>, string> = {
  no_action: 'No further action',
  informal_action: 'Informal action or management advice',
  first_written_warning: 'First written warning',
  final_written_warning: 'Final written warning',
  dismissal_with_notice: 'Dismissal with notice',
  summary_dismissal: 'Summary dismissal (gross misconduct)',
};

export const TRIAGE_NAMES: Record<Schemas['SummaryTriage']['decision'], string> = {
  no_further_action: 'No further action',
  informal_resolution: 'Informal resolution',
  investigate: 'Investigate',
};

export const APPEAL_RESULT_NAMES: Record<NonNullable<Schemas['SummaryAppeal']['result']>, string> = {
  upheld: 'Upheld: the sanction is withdrawn',
  varied: 'Varied: a lesser sanction',
  dismissed: 'Dismissed: the sanction stands',
};

/** §2 platforms, as the policy names them. */
export const PLATFORM_NAMES: Record<string, string> = {
  twitter: 'Twitter/X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  flickr: 'Flickr',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
  snapchat: 'Snapchat',
  other: 'Other',
};

export const CAPACITY_NAMES: Record<'subject' | 'reporter' | 'witness', string> = {
  subject: 'Subject',
  reporter: 'Reporter',
  witness: 'Witness',
};

/** "12.3 KB": a size people read. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
