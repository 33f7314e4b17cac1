import { api } from '../../api/client';
import { BackLink, Link, SummaryCard, SummaryList, Tag } from '../../components';
import { formatDateTime } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';

/** The wording of each kind of letter (GET /organisation/letter-templates, admin): in use now, adjusted or the default, with a way to change it. */
export function LetterTemplatesPage() {
  const loaded = useLoad(() => api.GET('/organisation/letter-templates'), []);
  return (
    <Page title="Letter wording" caption="Letters" heading="The wording of the letters" before={<BackLink href="/">Your work</BackLink>}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            The school may adjust the wording of each letter. The letterhead, the date, the addressee, the reference, the heading and the signature are always
            printed around it; <Link href="/admin/letterhead">the letterhead</Link> is set on its own page.
          </p>
          <WhenLoaded loaded={loaded}>
            {(data) => (
              <>
                {data.items.map((template) => (
                  <SummaryCard
                    key={template.kind}
                    title={template.title}
                    headingLevel={2}
                    actions={[{ text: 'Change the wording', href: `/admin/letter-templates/${template.kind}` }]}
                  >
                    <SummaryList
                      rows={[
                        {
                          key: 'Wording',
                          value: template.adjusted ? <Tag colour="blue">Adjusted by the school</Tag> : <Tag colour="grey">The default wording</Tag>,
                        },
                        ...(template.updatedAt ? [{ key: 'Last changed', value: formatDateTime(template.updatedAt) }] : []),
                        { key: 'Text', value: <Wording body={template.body} /> },
                      ]}
                    />
                  </SummaryCard>
                ))}
              </>
            )}
          </WhenLoaded>
        </div>
      </div>
    </Page>
  );
}

/** A wording as it reads: its paragraphs (separated by a blank line), each line kept. */
export function Wording({ body }: { body: string }) {
  return (
    <>
      {body.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i} className="govuk-body">
          {paragraph.split('\n').map((line, j) => (
            <span key={j}>
              {j > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
