import './styles/app.scss';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { session } from './auth/session';

// What GOV.UK's page template does with an inline script (not allowed by our CSP): styles for a page with JavaScript.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
session.start();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
