import type { PolicyActor } from "./actor.ts";
import { documentPolicy } from "./document.ts";
import { catalogPolicy, figurePolicy } from "./figures.ts";
import { publicationPolicy } from "./publication.ts";
import { reportPolicy } from "./report.ts";
import { targetPolicy } from "./target.ts";
import { taskPolicy } from "./task.ts";
import { auditPolicy, userPolicy } from "./user.ts";

/**
 * What the signed-in user may do in general, for the web's menus and buttons (sent with the session).
 * Flags on single objects (a target, a form, a task) come with those objects.
 */
export interface Capabilities {
  importPlans: boolean;
  editTargets: boolean;
  manageUsers: boolean;
  browseAudit: boolean;
  editCatalog: boolean;
  exchangeFigures: boolean;
  coordinateTasks: boolean;
  /** Chooses which plans and targets the public page shows. */
  managePublication: boolean;
  /** Opens report rounds, chases, returns and accepts reports. */
  manageReportRounds: boolean;
  /** Where the person lands: officers on what they must do, the others on the overview. */
  landing: "myWork" | "overview";
  /** Reads every unit (else starts from their own). */
  readAllUnits: boolean;
  /** The unit whose figures this user enters, if any. */
  enterFiguresFor: number | null;
}

export function capabilitiesOf(actor: PolicyActor): Capabilities {
  const own = actor.unitId;
  return {
    importPlans: documentPolicy.can(actor, "import", undefined),
    editTargets: targetPolicy.can(actor, "create", undefined),
    manageUsers: userPolicy.can(actor, "list", undefined),
    browseAudit: auditPolicy.can(actor, "browse", undefined),
    editCatalog: catalogPolicy.can(actor, "edit", undefined),
    exchangeFigures: catalogPolicy.can(actor, "exchange", undefined),
    coordinateTasks: taskPolicy.can(actor, "coordinate", { bodies: [] }),
    managePublication: publicationPolicy.can(actor, "edit", undefined),
    manageReportRounds: reportPolicy.can(actor, "manage", undefined),
    landing: actor.role === "officer" ? "myWork" : "overview",
    readAllUnits: actor.scope.kind === "all",
    enterFiguresFor: own !== null && figurePolicy.can(actor, "enter", { id: own, kind: "" }) ? own : null,
  };
}
