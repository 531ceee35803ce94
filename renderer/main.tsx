import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './hooks/query-client';
import './styles/index.css';

/**
 * The renderer's entry: one React root, one query client. The API comes from the Electron preload
 * or the web host (see api/get-api.ts); nothing here touches Node or Electron.
 */
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
