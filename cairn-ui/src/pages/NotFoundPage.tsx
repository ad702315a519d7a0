import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="page">
      <h1>Nothing here</h1>
      <p>This address is not a page of Cairn. <Link to="/">See all projects</Link>.</p>
    </section>
  );
}
