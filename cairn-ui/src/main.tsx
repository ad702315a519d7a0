import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { ServerBanner } from './components/ServerBanner';
import { lazyChunk } from './lib/lazyChunk';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProjectPage } from './pages/ProjectPage';
import './app.css';

// The home page and the workspace come in the first bundle; the other pages load when first opened, so
// the workspace's table paints without parsing them.
const ComparePage = lazyChunk(() => import('./pages/ComparePage').then((m) => m.ComparePage));
const RunPage = lazyChunk(() => import('./pages/RunPage').then((m) => m.RunPage));
const SweepPage = lazyChunk(() => import('./pages/SweepPage').then((m) => m.SweepPage));
const SweepsPage = lazyChunk(() => import('./pages/SweepsPage').then((m) => m.SweepsPage));

function App() {
  return (
    <BrowserRouter>
      <header className="app-header">
        <Link to="/" className="brand">▲ Cairn</Link>
      </header>
      <ServerBanner />
      <ShortcutsHelp />
      <main>
        <Suspense fallback={<p className="muted">loading…</p>}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/:entity/:project" element={<ProjectPage />} />
          <Route path="/:entity/:project/compare" element={<ComparePage />} />
          <Route path="/:entity/:project/runs/:runId" element={<RunPage />} />
          <Route path="/:entity/:project/sweeps" element={<SweepsPage />} />
          <Route path="/:entity/:project/sweeps/:sweepId" element={<SweepPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
        </Suspense>
      </main>
    </BrowserRouter>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
