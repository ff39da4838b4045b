// Renderer entry: i18n first (so the first paint is already in the right language), then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './app/App';
import { keepClearButtonsOutOfTabOrder } from './lib/tab-order';

keepClearButtonsOutOfTabOrder();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
