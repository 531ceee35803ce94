import { runProcess } from './proc';

/**
 * The report the way a script does it today, one process per request, sequentially: `skopeo
 * inspect --raw` of the tag, of each list entry by digest, `skopeo inspect --config --raw` of each
 * image, then one `curl -sfI` per layer (skopeo has no blob HEAD). Layers repeated inside one tag
 * (amd64 and 386 share a base) are asked once, which is what a careful script would do.
 */

interface RawManifest {
  readonly manifests?: readonly { readonly digest: string }[];
  readonly layers?: readonly { readonly digest: string }[];
}

/** How many processes and requests one report took (to check the baselines do the same work). */
export interface WayCount {
  readonly processes: number;
}

async function skopeoRaw(args: readonly string[]): Promise<string> {
  const result = await runProcess('skopeo', ['inspect', '--tls-verify=false', ...args], { timeoutMs: 30_000 });
  return result.stdout;
}

/** The report of `host/repository:tag` the skopeo + curl way; returns the number of processes run. */
export async function skopeoReport(host: string, repository: string, tag: string): Promise<WayCount> {
  const image = `docker://${host}/${repository}`;
  let processes = 1;
  const top = JSON.parse(await skopeoRaw(['--raw', `${image}:${tag}`])) as RawManifest;
  const manifests: { ref: string; json: RawManifest }[] = [];
  if (top.manifests) {
    for (const entry of top.manifests) {
      processes++;
      manifests.push({ ref: `${image}@${entry.digest}`, json: JSON.parse(await skopeoRaw(['--raw', `${image}@${entry.digest}`])) as RawManifest });
    }
  } else {
    manifests.push({ ref: `${image}:${tag}`, json: top });
  }
  for (const manifest of manifests) {
    processes++;
    await skopeoRaw(['--config', '--raw', manifest.ref]);
  }
  const layers = new Set(manifests.flatMap((manifest) => (manifest.json.layers ?? []).map((layer) => layer.digest)));
  for (const digest of layers) {
    processes++;
    await runProcess('curl', ['-sfI', '-o', '/dev/null', `http://${host}/v2/${repository}/blobs/${digest}`], { timeoutMs: 30_000 });
  }
  return { processes };
}

/** Every tag of a repository, as a script gets them (`skopeo list-tags`). */
export async function skopeoListTags(host: string, repository: string): Promise<string[]> {
  const result = await runProcess('skopeo', ['list-tags', '--tls-verify=false', `docker://${host}/${repository}`], { timeoutMs: 30_000 });
  return (JSON.parse(result.stdout) as { Tags?: string[] }).Tags ?? [];
}
