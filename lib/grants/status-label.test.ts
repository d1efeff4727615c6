import { expect, it } from "vitest";
import { GRANT_STATUSES } from "../db/schema";
import { statusLabel } from "./status-label";

it("gives every status its own words from the shared table", () => {
  const labels = GRANT_STATUSES.map((status) => statusLabel(status).label);
  expect(new Set(labels).size).toBe(GRANT_STATUSES.length);
  expect(statusLabel("invited")).toEqual({ tone: "waiting", label: "Invitation sent" });
  expect(statusLabel("active")).toEqual({ tone: "success", label: "Has access" });
  expect(statusLabel("active", "buyer").label).toBe("You have access");
});
