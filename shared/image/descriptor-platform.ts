import type { Platform } from '../platform/platform-model';
import type { Descriptor } from './manifest-schemas';

/**
 * A list entry's `platform` object (dotted OCI field names) as the model's Platform, or undefined
 * when the entry has none. The one conversion the report collector and the tag summaries share.
 */
export function platformFromDescriptor(platform: Descriptor['platform']): Platform | undefined {
  if (!platform) return undefined;
  return {
    os: platform.os,
    architecture: platform.architecture,
    ...(platform.variant ? { variant: platform.variant } : {}),
    ...(platform['os.version'] ? { osVersion: platform['os.version'] } : {}),
    ...(platform['os.features'] ? { osFeatures: platform['os.features'] } : {}),
    ...(platform.features ? { features: platform.features } : {}),
  };
}
