import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { ServerBanner } from './components/ServerBanner';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { ComparePage } from './pages/ComparePage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProjectPage } from './pages/ProjectPage';
import { RunPage } from './pages/RunPage';
import { SweepPage } from './pages/SweepPage';
import { SweepsPage } from './pages/SweepsPage';
import './app.css';

function App() {
  return (
    <BrowserRouter>
      <header className="app-header">
        <Link to="/" className="brand">▲ Cairn</Link>
      </header>
      <ServerBanner />
      <ShortcutsHelp />
      <main>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/:entity/:project" element={<ProjectPage />} />
          <Route path="/:entity/:project/compare" element={<ComparePage />} />
          <Route path="/:entity/:project/runs/:runId" element={<RunPage />} />
          <Route path="/:entity/:project/sweeps" element={<SweepsPage />} />
          <Route path="/:entity/:project/sweeps/:sweepId" element={<SweepPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </BrowserRouter>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
