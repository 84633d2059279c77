import { Link } from 'react-router';
import { NotFoundPage } from '@archipelago/ui';

export default function NotFoundRoute() {
  return <NotFoundPage renderHomeLink={(label) => <Link to="/">{label}</Link>} />;
}
