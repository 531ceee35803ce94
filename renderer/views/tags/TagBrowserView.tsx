import { useMemo } from 'react';
import { RegscopeError } from '../../../shared/api/errors';
import { DOCKER_HUB } from '../../../shared/reference/reference-model';
import { familiarRepository, parseRepository } from '../../../shared/reference/parse-reference';
import { useReportAppState } from '../../app/app-state';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatRoute } from '../../router/routes';
import { TagBrowser } from './TagBrowser';

/** `#/repo/<repository>`: checks the name, then shows the tag browser. */
export function TagBrowserView({ repository }: { readonly repository: string }) {
  const parsed = useMemo(() => {
    try {
      const ref = parseRepository(repository);
      return { ok: true as const, registry: ref.registry, name: familiarRepository(ref) };
    } catch (error) {
      return { ok: false as const, error: error instanceof RegscopeError ? error.data : { code: 'invalid-reference' as const, stage: 'reference' as const, message: String(error) } };
    }
  }, [repository]);
  if (!parsed.ok) return <InvalidRepository error={parsed.error} repository={repository} />;
  return <TagBrowser key={parsed.name} repository={parsed.name} registry={parsed.registry} isDockerHub={parsed.registry === DOCKER_HUB} />;
}

function InvalidRepository({ error, repository }: { readonly error: Parameters<typeof ErrorPanel>[0]['error']; readonly repository: string }) {
  useReportAppState('error');
  return (
    <div className="page narrow">
      <ErrorPanel error={{ ...error, reference: error.reference ?? repository }} />
      {/* `#/repo/python:3.12` is almost certainly an image: offer it. */}
      {/[:@]/.test(repository) && (
        <p>
          <a className="button" href={formatRoute({ kind: 'image', reference: repository })}>
            Open {repository} as an image
          </a>
        </p>
      )}
    </div>
  );
}
