import { XcapCoreError } from '../errors';
import { omaPresContentUsage, pidfManipulationUsage } from './presence-data';
import { omaPresRulesUsage, presRulesUsage } from './presence-rules';
import { resourceListsUsage, rlsServicesUsage } from './resource-lists';
import { xcapCapsUsage, xcapDirectoryUsage, xcapErrorUsage } from './server-documents';
import { simservsUsage } from './simservs';
import type { ApplicationUsage } from './types';

/** Every application usage the product knows, by AUID. */
export const applicationUsages: readonly ApplicationUsage[] = [
  resourceListsUsage,
  rlsServicesUsage,
  presRulesUsage,
  omaPresRulesUsage,
  pidfManipulationUsage,
  xcapCapsUsage,
  xcapErrorUsage,
  xcapDirectoryUsage,
  omaPresContentUsage,
  simservsUsage,
];

const byAuid = new Map(applicationUsages.map((usage) => [usage.auid, usage]));
// 3GPP documents and traces also use the short name.
byAuid.set('simservs', simservsUsage);

export function findApplicationUsage(auid: string): ApplicationUsage | undefined {
  return byAuid.get(auid);
}

export function getApplicationUsage(auid: string): ApplicationUsage {
  const usage = byAuid.get(auid);
  if (!usage) {
    throw new XcapCoreError('unknown-auid', `unknown application usage "${auid}"; known: ${applicationUsages.map((u) => u.auid).join(', ')}`);
  }
  return usage;
}
