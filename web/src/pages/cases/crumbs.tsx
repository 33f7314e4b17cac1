import { Breadcrumbs } from '../../components';

/** Your work › Case SMP-2026-0007 (› …): where a screen about one case sits. */
export function CaseCrumbs({ found, here = [] }: { found: { id: string; reference: string }; here?: { text: string; href: string }[] }) {
  return <Breadcrumbs items={[{ text: 'Your work', href: '/' }, { text: `Case ${found.reference}`, href: `/cases/${found.id}` }, ...here]} />;
}
