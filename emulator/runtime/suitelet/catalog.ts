/**
 * The scripts and deployments the Suitelet server and N/url know about. The shapes are the
 * subset of the runtime's project definitions (emulator/runtime/project/definitions.ts) that
 * this part reads, so the lead can pass `() => rt.project.scripts` straight in.
 *
 * Internal ids: NetSuite gives every script and deployment a numeric internal id, and
 * `url.resolveScript` returns URLs with those numbers. The catalog takes them from the
 * definitions when present and otherwise assigns them once, in first-seen order, so they stay
 * stable for the life of the runtime. The server accepts both the numbers and the script ids.
 */
export interface DeploymentInfo {
  scriptId: string;
  status: string;
  isDeployed: boolean;
  title?: string;
  allRoles?: boolean;
  /** Role ids as in audslctrole: 'ADMINISTRATOR', 'customrole_x' or '[scriptid=customrole_x]'. */
  audienceRoles?: string[];
  internalId?: number;
  /** Other deployment XML values; `isonline` (T/F) is read from here. */
  extra?: Record<string, unknown>;
}

export interface ScriptInfo {
  scriptId: string;
  scriptType: string;
  scriptFile: string;
  ownerId?: number;
  internalId?: number;
  deployments: DeploymentInfo[];
}

export interface ResolvedDeployment {
  script: ScriptInfo;
  deployment: DeploymentInfo;
  scriptNumber: number;
  deploymentNumber: number;
}

export class ScriptCatalog {
  private readonly scriptNumbers = new Map<string, number>();
  private readonly deploymentNumbers = new Map<string, number>();
  private nextScript = 1;
  private nextDeployment = 1;

  constructor(private readonly source: () => readonly ScriptInfo[]) {}

  scripts(): readonly ScriptInfo[] {
    const all = this.source();
    for (const s of all) {
      this.numberOf(this.scriptNumbers, s.scriptId, s.internalId, () => this.nextScript++);
      for (const d of s.deployments) this.numberOf(this.deploymentNumbers, d.scriptId, d.internalId, () => this.nextDeployment++);
    }
    return all;
  }

  private numberOf(map: Map<string, number>, id: string, given: number | undefined, next: () => number): number {
    let n = map.get(id);
    if (n === undefined) {
      n = given ?? next();
      map.set(id, n);
    }
    return n;
  }

  /** Finds a script by script id (case-insensitive) or internal id (number or digits). */
  findScript(ref: string | number): ScriptInfo | undefined {
    const all = this.scripts();
    const key = String(ref).trim().toLowerCase();
    if (/^\d+$/.test(key)) return all.find((s) => this.scriptNumbers.get(s.scriptId) === Number(key));
    return all.find((s) => s.scriptId.toLowerCase() === key);
  }

  /** Finds a deployment of `script` by deployment id or internal id. */
  findDeployment(script: ScriptInfo, ref: string | number): DeploymentInfo | undefined {
    const key = String(ref).trim().toLowerCase();
    if (/^\d+$/.test(key)) return script.deployments.find((d) => this.deploymentNumbers.get(d.scriptId) === Number(key));
    return script.deployments.find((d) => d.scriptId.toLowerCase() === key);
  }

  resolve(scriptRef: string | number, deploymentRef: string | number): ResolvedDeployment | undefined {
    const script = this.findScript(scriptRef);
    const deployment = script && this.findDeployment(script, deploymentRef);
    if (!script || !deployment) return undefined;
    return {
      script,
      deployment,
      scriptNumber: this.scriptNumbers.get(script.scriptId)!,
      deploymentNumber: this.deploymentNumbers.get(deployment.scriptId)!,
    };
  }
}

/** 'T', true, 'true' → true; as SDF booleans are written. */
export function flag(v: unknown): boolean {
  return v === true || v === 'T' || v === 'true';
}

export function isOnline(d: DeploymentInfo): boolean {
  return flag(d.extra?.isonline);
}
