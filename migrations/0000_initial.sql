CREATE TABLE `role_grants` (
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`granted_at` text NOT NULL,
	`granted_by` integer,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff_scopes` (
	`user_id` integer NOT NULL,
	`building_id` integer NOT NULL,
	`granted_at` text NOT NULL,
	`granted_by` integer,
	PRIMARY KEY(`user_id`, `building_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_scopes_building` ON `staff_scopes` (`building_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`token_version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_unique` ON `users` (`phone`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_user_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_actor` ON `audit_log` (`actor_user_id`);--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`user_id` integer NOT NULL,
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status_code` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `buildings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`district` text NOT NULL,
	`address` text NOT NULL,
	`federation_name` text,
	`founded_on` text,
	`enterprises_total` integer NOT NULL,
	`is_model` integer DEFAULT false NOT NULL,
	`has_worker_congress` integer DEFAULT false NOT NULL,
	`has_affairs_disclosure` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `enterprises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`building_id` integer NOT NULL,
	`name` text NOT NULL,
	`uscc` text NOT NULL,
	`floor_room` text,
	`headcount` integer NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`liaison_user_id` integer NOT NULL,
	`status` text NOT NULL,
	`reject_reason` text,
	`submitted_at` text NOT NULL,
	`decided_at` text,
	`decided_by` integer,
	`withdrawn_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`liaison_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enterprises_uscc_unique` ON `enterprises` (`uscc`);--> statement-breakpoint
CREATE INDEX `enterprises_building_status` ON `enterprises` (`building_id`,`status`);--> statement-breakpoint
CREATE INDEX `enterprises_liaison` ON `enterprises` (`liaison_user_id`);--> statement-breakpoint
CREATE TABLE `membership_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`membership_id` integer NOT NULL,
	`from_enterprise_id` integer NOT NULL,
	`to_enterprise_id` integer NOT NULL,
	`status` text NOT NULL,
	`requested_at` text NOT NULL,
	`requested_by` integer,
	`decided_at` text,
	`decided_by` integer,
	`effective_on` text,
	`note` text,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfers_membership` ON `membership_transfers` (`membership_id`);--> statement-breakpoint
CREATE INDEX `transfers_to_status` ON `membership_transfers` (`to_enterprise_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `transfers_one_pending` ON `membership_transfers` (`membership_id`) WHERE status = 'pending';--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`enterprise_id` integer NOT NULL,
	`name` text NOT NULL,
	`id_cipher` text NOT NULL,
	`id_hash` text NOT NULL,
	`id_masked` text NOT NULL,
	`gender` text NOT NULL,
	`birth_date` text NOT NULL,
	`mobile` text,
	`member_no` text,
	`status` text NOT NULL,
	`joined_on` text,
	`left_on` text,
	`consent_at` text NOT NULL,
	`applied_at` text NOT NULL,
	`applied_by` integer,
	`decided_at` text,
	`decided_by` integer,
	`reject_reason` text,
	`source` text DEFAULT 'online' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applied_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_member_no_unique` ON `memberships` (`member_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_one_open_per_person` ON `memberships` (`id_hash`) WHERE status in ('applied', 'active');--> statement-breakpoint
CREATE INDEX `memberships_id_hash` ON `memberships` (`id_hash`);--> statement-breakpoint
CREATE INDEX `memberships_enterprise_status` ON `memberships` (`enterprise_id`,`status`);--> statement-breakpoint
CREATE INDEX `memberships_user` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE INDEX `memberships_mobile` ON `memberships` (`mobile`);--> statement-breakpoint
CREATE TABLE `roster_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer,
	`building_id` integer,
	`uploaded_by` integer NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`status` text NOT NULL,
	`total_rows` integer DEFAULT 0 NOT NULL,
	`processed_rows` integer DEFAULT 0 NOT NULL,
	`created_rows` integer DEFAULT 0 NOT NULL,
	`duplicate_rows` integer DEFAULT 0 NOT NULL,
	`invalid_rows` integer DEFAULT 0 NOT NULL,
	`error_report` text,
	`failure` text,
	`created_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roster_imports_file` ON `roster_imports` (`enterprise_id`,`file_sha256`);--> statement-breakpoint
CREATE TABLE `aid_claim_documents` (
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
	FOREIGN KEY (`claim_id`) REFERENCES `aid_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_documents_claim` ON `aid_claim_documents` (`claim_id`);--> statement-breakpoint
CREATE TABLE `aid_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`membership_id` integer NOT NULL,
	`user_id` integer NOT NULL,
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
	FOREIGN KEY (`purchase_id`) REFERENCES `aid_purchases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_year`) REFERENCES `aid_plans`(`year`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`first_approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rejected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_batch_id`) REFERENCES `aid_payment_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claims_invoice_per_member` ON `aid_claims` (`membership_id`,`invoice_no`) WHERE status <> 'rejected';--> statement-breakpoint
CREATE INDEX `claims_status_created` ON `aid_claims` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `claims_membership_year` ON `aid_claims` (`membership_id`,`plan_year`);--> statement-breakpoint
CREATE INDEX `claims_user` ON `aid_claims` (`user_id`);--> statement-breakpoint
CREATE INDEX `claims_batch` ON `aid_claims` (`payment_batch_id`);--> statement-breakpoint
CREATE TABLE `aid_group_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`plan_year` integer NOT NULL,
	`ordered_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_year`) REFERENCES `aid_plans`(`year`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ordered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `aid_payment_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`exported_at` text,
	`bank_reference` text,
	`paid_at` text,
	`paid_by` integer,
	`total_fen` integer DEFAULT 0 NOT NULL,
	`claim_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`paid_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `aid_plans` (
	`year` integer PRIMARY KEY NOT NULL,
	`share_fee_fen` integer NOT NULL,
	`max_shares` integer NOT NULL,
	`enrol_from` text NOT NULL,
	`enrol_to` text NOT NULL,
	`waiting_days` integer NOT NULL,
	`tiers` text NOT NULL,
	`per_admission_cap_fen` integer NOT NULL,
	`annual_cap_per_share_fen` integer NOT NULL,
	`claim_deadline_days` integer NOT NULL,
	`second_approval_above_fen` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `aid_purchases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`membership_id` integer NOT NULL,
	`plan_year` integer NOT NULL,
	`shares` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`status` text NOT NULL,
	`group_order_id` integer,
	`ordered_by` integer NOT NULL,
	`ordered_on` text NOT NULL,
	`receipt_no` text,
	`paid_on` text,
	`confirmed_via` text,
	`confirmed_by` integer,
	`confirmed_at` text,
	`first_time` integer,
	`cover_from` text,
	`cover_to` text,
	`cancelled_at` text,
	`cancel_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_year`) REFERENCES `aid_plans`(`year`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_order_id`) REFERENCES `aid_group_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ordered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchases_one_open_per_member_plan` ON `aid_purchases` (`membership_id`,`plan_year`) WHERE status in ('pending_payment', 'paid');--> statement-breakpoint
CREATE UNIQUE INDEX `purchases_receipt_per_plan` ON `aid_purchases` (`plan_year`,`receipt_no`) WHERE receipt_no is not null;--> statement-breakpoint
CREATE INDEX `purchases_status_created` ON `aid_purchases` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `purchases_plan_status` ON `aid_purchases` (`plan_year`,`status`);