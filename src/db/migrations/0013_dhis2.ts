import { type Kysely, sql } from "kysely";

/**
 * DHIS2 exchange. `dhis2_instance`: one DHIS2 system Lộ Trình talks to (by name and address).
 * `dhis2_mapping`: for each of that system's data elements, category option combos and organisation
 * units (read from its `/api/metadata` export), its UID, code, name (and path for a unit) and the Lộ
 * Trình object it stands for — a data element, a breakdown option ('' is the whole figure, DHIS2's
 * "default" combo) or an org unit — or none yet (unmatched). Imports and exports resolve identifiers
 * through these rows by UID, code or name (DHIS2's id schemes). `dhis2_value_meta`: what DHIS2 sends
 * with a value and Lộ Trình's `data_value` has no column for (storedBy, created, lastUpdated,
 * followup), kept per value so an export gives it back.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("dhis2_instance")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("url", "text")
    .addColumn("system_version", "text")
    .addColumn("metadata_loaded_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("dhis2_mapping")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("instance_id", "integer", (c) =>
      c.notNull().references("dhis2_instance.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("uid", "text", (c) => c.notNull())
    .addColumn("code", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("path", "text")
    .addColumn("element_id", "integer", (c) => c.references("data_element.id").onDelete("set null"))
    .addColumn("org_unit_id", "integer", (c) => c.references("org_unit.id").onDelete("set null"))
    .addColumn("category", "text")
    .addColumn("matched_by", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("dhis2_mapping_kind", sql`kind in ('dataElement','categoryOptionCombo','orgUnit')`)
    .addCheckConstraint(
      "dhis2_mapping_matched_by",
      sql`matched_by is null or matched_by in ('uid','code','name','default','manual')`,
    )
    // the local object fits the kind: an element for a data element, a unit for an org unit, a
    // breakdown option (or '' for the whole figure) for a category option combo
    .addCheckConstraint(
      "dhis2_mapping_target",
      sql`(kind = 'dataElement' and org_unit_id is null and category is null)
       or (kind = 'orgUnit' and element_id is null and category is null)
       or (kind = 'categoryOptionCombo' and element_id is null and org_unit_id is null)`,
    )
    .addUniqueConstraint("dhis2_mapping_uid", ["instance_id", "kind", "uid"])
    .execute();
  await db.schema
    .createIndex("dhis2_mapping_code")
    .on("dhis2_mapping")
    .columns(["instance_id", "kind", "code"])
    .execute();
  await db.schema
    .createIndex("dhis2_mapping_name")
    .on("dhis2_mapping")
    .columns(["instance_id", "kind", "name"])
    .execute();

  await db.schema
    .createTable("dhis2_value_meta")
    // no foreign keys: a bulk import writes one row per value, and three key checks per row doubled
    // its time; a row whose value is gone or changed since is never read (the export joins from
    // data_value and trusts a row only when written after the value's last update)
    .addColumn("element_id", "integer", (c) => c.notNull())
    .addColumn("period_id", "integer", (c) => c.notNull())
    .addColumn("org_unit_id", "integer", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("stored_by", "text")
    .addColumn("created", "text")
    .addColumn("last_updated", "text")
    .addColumn("followup", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("written_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("dhis2_value_meta_pk", ["element_id", "period_id", "org_unit_id", "category"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("dhis2_value_meta").execute();
  await db.schema.dropTable("dhis2_mapping").execute();
  await db.schema.dropTable("dhis2_instance").execute();
}
