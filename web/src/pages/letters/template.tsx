import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { BackLink, Button, ButtonGroup, Details, ErrorSummary, NotificationBanner, Tag, Textarea } from '../../components';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { ProblemPage } from '../problem';
import { Wording } from './templates';

type Template = components['schemas']['LetterTemplateResponse'];

/**
 * Adjusting the wording of one kind of letter (PUT /organisation/letter-templates/:kind, admin),
 * with its placeholders beside the field: what each one writes, and which must stay. The API
 * decides: a required placeholder removed, an unknown one or unmatched braces is its 422
 * `template_placeholders`, shown beside the field. The default wording can be put back.
 */
export function LetterTemplatePage({ kind }: { kind: string }) {
  const loaded = useLoad(() => api.GET('/organisation/letter-templates'), []);
  return (
    <WhenLoaded loaded={loaded}>
      {(data) => {
        const template = data.items.find((item) => item.kind === kind);
        return template ? (
          <TemplateForm initial={template} />
        ) : (
          <ProblemPage problem={{ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', detail: 'No such kind of letter.' }} />
        );
      }}
    </WhenLoaded>
  );
}

function TemplateForm({ initial }: { initial: Template }) {
  const [template, setTemplate] = useState(initial);
  const [body, setBody] = useState(initial.body);
  const [saved, setSaved] = useState(false);
  const form = useApiForm({ body: 'body' }, { body: 'Wording' });
  const save = form.submit(
    () => api.PUT('/organisation/letter-templates/{kind}', { params: { path: { kind: template.kind } }, body: { body } }),
    (next) => {
      setTemplate(next);
      setBody(next.body);
      setSaved(true);
    },
  );
  const title = `Wording: ${template.title}`;
  return (
    <Page
      title={form.errors.summary.length ? `Error: ${title}` : title}
      caption="Letter wording"
      heading={template.title}
      before={<BackLink href="/admin/letter-templates">The wording of the letters</BackLink>}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {saved && <NotificationBanner success heading="The wording has been saved" />}
          <ErrorSummary errors={form.errors.summary} />
          <p className="govuk-body">{template.adjusted ? <Tag colour="blue">Adjusted by the school</Tag> : <Tag colour="grey">The default wording</Tag>}</p>
          <form
            onSubmit={(event) => {
              setSaved(false);
              void save(event);
            }}
            noValidate
          >
            <Textarea
              id="body"
              label="Wording"
              labelSize="m"
              hint="Paragraphs separated by a blank line. Placeholders are written {{name}}: the system fills them from the case’s records. A paragraph left empty once filled is left out."
              rows={20}
              {...form.text('body', body, setBody)}
            />
            <ButtonGroup>
              <Button disabled={form.submitting}>Save the wording</Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setSaved(false);
                  setBody(template.defaultBody);
                }}
              >
                Restore the default wording
              </Button>
            </ButtonGroup>
          </form>
          <Details summary="The default wording">
            <Wording body={template.defaultBody} />
          </Details>
        </div>
        <div className="govuk-grid-column-one-third">
          <aside aria-labelledby="placeholders">
            <h2 className="govuk-heading-m" id="placeholders">
              Placeholders
            </h2>
            <dl className="govuk-body-s">
              {template.placeholders.map((placeholder) => (
                <div key={placeholder.name} className="govuk-!-margin-bottom-3">
                  <dt>
                    <code>{`{{${placeholder.name}}}`}</code> {placeholder.required && <strong>(must be kept)</strong>}
                  </dt>
                  <dd className="govuk-!-margin-left-0">{placeholder.description}</dd>
                </div>
              ))}
            </dl>
          </aside>
        </div>
      </div>
    </Page>
  );
}
