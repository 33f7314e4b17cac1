import type { ReactNode } from 'react';
import { Link } from './Link';

/** GOV.UK footer, without the crown and the Open Government Licence (not a GOV.UK service): meta links and a line of text. */
export function Footer({ links = [], children }: { links?: { text: string; href: string }[]; children?: ReactNode }) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {links.length > 0 && (
              <>
                <h2 className="govuk-visually-hidden">Support links</h2>
                <ul className="govuk-footer__inline-list">
                  {links.map((link) => (
                    <li key={link.href} className="govuk-footer__inline-list-item">
                      <Link href={link.href} className="govuk-footer__link">
                        {link.text}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {children && <div className="govuk-footer__meta-custom">{children}</div>}
          </div>
        </div>
      </div>
    </footer>
  );
}
