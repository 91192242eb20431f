-- aid_claims.building_id: the building of the enterprise the claimant's membership belongs to NOW
-- (after a transfer: the new one), i.e. whose staff review the claim. The review queue then reads
-- one building's claims from an index instead of every claim through memberships and enterprises.
--
-- Written by hand from drizzle-kit's output, which was an ALTER TABLE … ADD `building_id` integer
-- NOT NULL: SQLite refuses that on a table with rows ("Cannot add a NOT NULL column with default
-- value NULL"), and a NOT NULL column with a foreign key cannot have a default either. So the
-- table is rebuilt and every existing claim gets the building of its membership's enterprise.
-- drizzle runs the migrations in one transaction with foreign keys ON (PRAGMA foreign_keys cannot
-- change inside a transaction): dropping aid_claims would orphan aid_claim_documents, so that
-- child table is rebuilt with it, pointing at the new table (renaming the new table rewrites the
-- reference). Each table's AUTOINCREMENT counter is carried over, so no id is ever reused. A
-- claim whose membership or enterprise could not be found would get a NULL building and stop the
-- migration (NOT NULL) rather than be dropped.
CREATE TABLE `__new_aid_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`membership_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`building_id` integer NOT NULL,
	`purchase_id` integer NOT NULL,
	`plan_year` integer NOT NULL,
	`admission_date` text NOT NULL,
	`discharge_date` text NOT NULL,
	`hospital` text NOT NULL,
	`invoice_no` text NOT NULL,
	`total_cost_fen` integer NOT NULL,
	`insurance_paid_fen` integer NOT NULL,
	`excluded_fen` integer NOT NULL,
	`base_fen` integer NOT NULL,
	`estimate` text NOT NULL,
	`status` text NOT NULL,
	`first_approved_by` integer,
	`first_approved_at` text,
	`approved_by` integer,
	`approved_at` text,
	`payable_fen` integer,
	`limited_by` text,
	`breakdown` text,
	`rejected_by` integer,
	`rejected_at` text,
	`reason_code` text,
	`reason_note` text,
	`resubmission_of` integer,
	`payment_batch_id` integer,
	`paid_at` text,
	`consent_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_id`) REFERENCES `aid_purchases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_year`) REFERENCES `aid_plans`(`year`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`first_approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rejected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_batch_id`) REFERENCES `aid_payment_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO sqlite_sequence (`name`, `seq`) SELECT '__new_aid_claims', `seq` FROM sqlite_sequence WHERE `name` = 'aid_claims';--> statement-breakpoint
INSERT INTO `__new_aid_claims` (`id`, `membership_id`, `user_id`, `building_id`, `purchase_id`, `plan_year`, `admission_date`, `discharge_date`, `hospital`, `invoice_no`, `total_cost_fen`, `insurance_paid_fen`, `excluded_fen`, `base_fen`, `estimate`, `status`, `first_approved_by`, `first_approved_at`, `approved_by`, `approved_at`, `payable_fen`, `limited_by`, `breakdown`, `rejected_by`, `rejected_at`, `reason_code`, `reason_note`, `resubmission_of`, `payment_batch_id`, `paid_at`, `consent_at`, `created_at`, `updated_at`)
  SELECT c.`id`, c.`membership_id`, c.`user_id`,
    (SELECT e.`building_id` FROM `memberships` m JOIN `enterprises` e ON e.`id` = m.`enterprise_id` WHERE m.`id` = c.`membership_id`),
    c.`purchase_id`, c.`plan_year`, c.`admission_date`, c.`discharge_date`, c.`hospital`, c.`invoice_no`, c.`total_cost_fen`, c.`insurance_paid_fen`, c.`excluded_fen`, c.`base_fen`, c.`estimate`, c.`status`, c.`first_approved_by`, c.`first_approved_at`, c.`approved_by`, c.`approved_at`, c.`payable_fen`, c.`limited_by`, c.`breakdown`, c.`rejected_by`, c.`rejected_at`, c.`reason_code`, c.`reason_note`, c.`resubmission_of`, c.`payment_batch_id`, c.`paid_at`, c.`consent_at`, c.`created_at`, c.`updated_at`
  FROM `aid_claims` c ORDER BY c.`id`;--> statement-breakpoint
CREATE TABLE `__new_aid_claim_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_path` text NOT NULL,
	`uploaded_by` integer NOT NULL,
	`uploaded_at` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `__new_aid_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO sqlite_sequence (`name`, `seq`) SELECT '__new_aid_claim_documents', `seq` FROM sqlite_sequence WHERE `name` = 'aid_claim_documents';--> statement-breakpoint
INSERT INTO `__new_aid_claim_documents` (`id`, `claim_id`, `kind`, `file_name`, `mime`, `size`, `sha256`, `storage_path`, `uploaded_by`, `uploaded_at`) SELECT `id`, `claim_id`, `kind`, `file_name`, `mime`, `size`, `sha256`, `storage_path`, `uploaded_by`, `uploaded_at` FROM `aid_claim_documents` ORDER BY `id`;--> statement-breakpoint
DROP TABLE `aid_claim_documents`;--> statement-breakpoint
DROP TABLE `aid_claims`;--> statement-breakpoint
ALTER TABLE `__new_aid_claims` RENAME TO `aid_claims`;--> statement-breakpoint
ALTER TABLE `__new_aid_claim_documents` RENAME TO `aid_claim_documents`;--> statement-breakpoint
CREATE INDEX `claim_documents_claim` ON `aid_claim_documents` (`claim_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `claims_invoice_per_member` ON `aid_claims` (`membership_id`,`invoice_no`) WHERE status <> 'rejected';--> statement-breakpoint
CREATE INDEX `claims_building_status_created` ON `aid_claims` (`building_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `claims_status_created` ON `aid_claims` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `claims_membership_year` ON `aid_claims` (`membership_id`,`plan_year`);--> statement-breakpoint
-- drizzle-kit split this expression at its commas into quoted "columns"; written out by hand.
CREATE INDEX `claims_year_status_amount` ON `aid_claims` (`plan_year`,`status`,coalesce(`payable_fen`, json_extract(`estimate`, '$.payableFen')));--> statement-breakpoint
CREATE INDEX `claims_status_approved_paid` ON `aid_claims` (`status`,`approved_at`,`payable_fen`,`paid_at`);--> statement-breakpoint
CREATE INDEX `claims_user` ON `aid_claims` (`user_id`);--> statement-breakpoint
CREATE INDEX `claims_batch` ON `aid_claims` (`payment_batch_id`);--> statement-breakpoint
-- Kept current by the database, whichever code moves a membership (a confirmed transfer; a former
-- member's numbered membership reopened for another enterprise, online or by roster import) or an
-- enterprise: in the same transaction as that change.
CREATE TRIGGER `claims_follow_membership` AFTER UPDATE OF `enterprise_id` ON `memberships`
WHEN NEW.`enterprise_id` IS NOT OLD.`enterprise_id`
BEGIN
  UPDATE `aid_claims` SET `building_id` = (SELECT `building_id` FROM `enterprises` WHERE `id` = NEW.`enterprise_id`)
  WHERE `membership_id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `claims_follow_enterprise` AFTER UPDATE OF `building_id` ON `enterprises`
WHEN NEW.`building_id` IS NOT OLD.`building_id`
BEGIN
  UPDATE `aid_claims` SET `building_id` = NEW.`building_id`
  WHERE `membership_id` IN (SELECT `id` FROM `memberships` WHERE `enterprise_id` = NEW.`id`);
END;
