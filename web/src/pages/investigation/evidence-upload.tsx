import { useState } from 'react';
import { formErrors, NO_ERRORS } from '../../api/problem';
import type { components } from '../../api/schema';
import { upload } from '../../api/upload';
import {
  ButtonLink,
  DateInput,
  EMPTY_DATE_TIME,
  ErrorSummary,
  Input,
  MultiFileUpload,
  Radios,
  Select,
  Textarea,
  type DateParts,
  type UploadFile,
} from '../../components';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { EvidenceTable } from './evidence-list';
import {
  CaseScreen,
  namedItems,
  choiceOf,
  DATE_TIME_HINT,
  EVIDENCE_KINDS,
  formatDate,
  InvestigationBreadcrumbs,
  MONITORING_STATUSES,
  SENSITIVITIES,
  titled,
  TwoThirds,
  ukInstant,
  usePolicy,
  type CaseView,
  type Evidence,
} from './common';

type Kind = Evidence['kind'];
type Sensitivity = Evidence['sensitivity'];

const FIELDS = {
  kind: 'kind',
  monitoringAuthorisationId: 'monitoring-authorisation',
  description: 'description',
  source: 'source',
  capturedAt: 'captured-at',
  sensitivity: 'sensitivity',
  file: 'files',
};
const LABELS = {
  kind: 'Kind of evidence',
  monitoringAuthorisationId: 'Monitoring authorisation',
  description: 'Description',
  source: 'Source',
  capturedAt: 'When it was captured',
  sensitivity: 'Sensitivity',
  file: 'File',
};

/**
 * /cases/:id/investigation/evidence/new — MOJ multi-file upload: drag and drop or choose several
 * files; each is sent at once (POST /cases/:id/evidence, one request per file, with its progress)
 * and becomes its own item of evidence.
 *
 * The details are shared: the kind, description, source, capture time, sensitivity and any
 * monitoring authorisation filled in above apply to every file added while they stay as they are
 * (several screenshots of one thread, say). Files that need different details are added after
 * changing them. Per-file fields would make the person describe each file before any could be
 * sent, which is what the multi-file pattern (upload as soon as added) avoids.
 */
export function EvidenceUploadPage({ id }: { id: string }) {
  return <CaseScreen id={id}>{(view) => <EvidenceUpload view={view} />}</CaseScreen>;
}

function EvidenceUpload({ view }: { view: CaseView }) {
  const policy = usePolicy();
  const [kind, setKind] = useState<Kind>();
  const [authorisation, setAuthorisation] = useState('');
  const [description, setDescription] = useState('');
  const [source, setSource] = useState('');
  const [capturedAt, setCapturedAt] = useState<DateParts>(EMPTY_DATE_TIME);
  const [sensitivity, setSensitivity] = useState<Sensitivity>('personal');
  const [added, setAdded] = useState<Evidence[]>([]);
  const form = useApiForm(FIELDS, LABELS);

  const send: UploadFile = async (file, onProgress) => {
    const data = new FormData();
    if (kind) data.append('kind', kind);
    data.append('description', description);
    data.append('source', source);
    data.append('capturedAt', ukInstant(capturedAt, { withTime: true }));
    data.append('sensitivity', sensitivity);
    if (authorisation) data.append('monitoringAuthorisationId', authorisation);
    data.append('file', file, file.name);
    const answer = await upload<components['schemas']['EvidenceResponse']>(`/cases/${view.id}/evidence`, data, onProgress);
    if (answer.data) {
      form.setErrors(NO_ERRORS);
      setAdded((items) => [...items, answer.data]);
      return { ok: true, message: `${file.name} added as evidence (SHA-256 ${answer.data.sha256.slice(0, 12)}…)` };
    }
    // the API's words: beside the fields they name, and for this file in the list
    // a file too large (413) or of a type not taken (415) is about the file: its message goes beside the files
    const aboutFile = (answer.status === 413 || answer.status === 415) && !answer.error.errors?.length;
    const errors = aboutFile
      ? { summary: [{ text: answer.error.detail, href: '#files' }], fields: { file: answer.error.detail } }
      : formErrors(answer.error, FIELDS, LABELS);
    form.setErrors(errors);
    return { ok: false, message: `${file.name} was not added: ${errors.summary.map((e) => e.text).join(' ')}` };
  };

  const monitoringChoices = view.monitoring.map((m) => ({
    value: m.id,
    text: `${choiceOf(policy?.monitoringScopes, m.scope)?.label ?? m.scope}, ${formatDate(m.periodFrom)} to ${formatDate(m.periodTo)} (${MONITORING_STATUSES[m.status].name.toLowerCase()}${m.expired ? ', expired' : ''})`,
  }));

  return (
    <Page
      title={titled(`Add evidence – Case ${view.reference}`, form.errors)}
      caption={`Case ${view.reference}`}
      heading="Add evidence"
      before={<InvestigationBreadcrumbs view={view} here={[{ text: 'Evidence', href: `/cases/${view.id}/investigation/evidence` }]} />}
    >
      <TwoThirds>
        <ErrorSummary errors={form.errors.summary} />
        <p className="govuk-body">
          Describe the evidence, then add the files. The details apply to every file you add while they stay as they are: each file becomes its own item, with
          its own SHA-256. For files that need different details, change the details before adding them.
        </p>
        <Radios
          id="kind"
          legend="Kind of evidence"
          {...form.choice('kind', kind, setKind)}
          items={(Object.keys(EVIDENCE_KINDS) as Kind[]).map((value) => ({
            value,
            text: EVIDENCE_KINDS[value].name,
            hint: EVIDENCE_KINDS[value].hint,
          }))}
        />
        <Select
          id="monitoring-authorisation"
          label="Monitoring authorisation (monitoring extracts only)"
          labelSize="s"
          hint="The approved authorisation it was obtained under, from the monitoring requests of this case. The API checks it is approved, unexpired and covers when the evidence was captured."
          {...form.text('monitoringAuthorisationId', authorisation, setAuthorisation)}
          options={[{ value: '', text: monitoringChoices.length ? 'None' : 'No monitoring has been requested' }, ...monitoringChoices]}
        />
        <Textarea
          id="description"
          label="Description"
          labelSize="s"
          hint="What it shows."
          rows={3}
          {...form.text('description', description, setDescription)}
        />
        <Input
          id="source"
          label="Source"
          labelSize="s"
          hint="Where it came from: the reporter’s screenshot, the school’s web filter, a colleague’s e-mail…"
          {...form.text('source', source, setSource)}
        />
        <DateInput id="captured-at" legend="When it was captured" hint={DATE_TIME_HINT} withTime {...form.field('capturedAt', capturedAt, setCapturedAt)} />
        <Radios id="sensitivity" legend="Sensitivity (§13)" {...form.choice('sensitivity', sensitivity, setSensitivity)} items={namedItems(SENSITIVITIES)} />
        <MultiFileUpload
          id="files"
          label="Files"
          hint="Images, PDFs, plain text, e-mails or office documents. Each file is sent as soon as it is added, with the details above."
          heading="Files added"
          error={form.errors.fields.file}
          upload={send}
        />
        {added.length > 0 && <EvidenceTable caseId={view.id} items={added} caption="Added now" />}
        <ButtonLink href={`/cases/${view.id}/investigation/evidence`} variant="secondary">
          Back to the evidence
        </ButtonLink>
      </TwoThirds>
    </Page>
  );
}
