import type { RegscopeCore } from '../core/regscope-core';
import type { CliCommand } from './cli-args';
import type { CliIo } from './cli-io';

type TagsCommand = Extract<CliCommand, { name: 'tags' }>;

/** `regscope tags <repo>`: every tag, one per line (or JSON), following pagination. */
export async function runTags(command: TagsCommand, core: RegscopeCore, io: CliIo): Promise<number> {
  const listing = await core.tags(command.repository);
  if (command.json) {
    io.stdout(`${JSON.stringify({ repository: listing.repository, tags: listing.tags, invalidTags: listing.invalidTags }, null, 2)}\n`);
  } else {
    io.stdout(listing.tags.map((tag) => `${tag}\n`).join(''));
    if (listing.invalidTags.length) io.warn(`${listing.invalidTags.length} entries were not valid tags and were skipped`);
  }
  return 0;
}
