CREATE TABLE `bargaining_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`record` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `bargaining_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_round` ON `bargaining_meetings` (`round_id`);--> statement-breakpoint
CREATE TABLE `bargaining_negotiators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`side` text NOT NULL,
	`name` text NOT NULL,
	`position` text,
	`chief` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `bargaining_rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `negotiators_round` ON `bargaining_negotiators` (`round_id`);--> statement-breakpoint
CREATE TABLE `bargaining_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`from_side` text NOT NULL,
	`body` text NOT NULL,
	`proposed_on` text NOT NULL,
	`answer_due_on` text NOT NULL,
	`answered_on` text,
	`answer` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `bargaining_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposals_round` ON `bargaining_proposals` (`round_id`);--> statement-breakpoint
CREATE TABLE `bargaining_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`building_id` integer NOT NULL,
	`enterprise_id` integer,
	`title` text NOT NULL,
	`topics` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rounds_building` ON `bargaining_rounds` (`building_id`);--> statement-breakpoint
CREATE TABLE `charter_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`building_id` integer NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`adopted_on` text NOT NULL,
	`adopted_by_session_id` integer,
	`adopted_by_text` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adopted_by_session_id`) REFERENCES `congress_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_version` ON `charter_versions` (`building_id`,`kind`,`version`);--> statement-breakpoint
CREATE TABLE `collective_contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`building_id` integer NOT NULL,
	`enterprise_id` integer,
	`round_id` integer,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`term_years` integer NOT NULL,
	`stage` text NOT NULL,
	`motion_id` integer,
	`signed_on` text,
	`workers_chief` text,
	`employers_chief` text,
	`filed_on` text,
	`filed_late` integer,
	`approved_on` text,
	`renewed_by_id` integer,
	`text_path` text,
	`text_sha256` text,
	`scan_path` text,
	`scan_name` text,
	`scan_mime` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `bargaining_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contracts_building` ON `collective_contracts` (`building_id`,`stage`);--> statement-breakpoint
CREATE TABLE `congress_representatives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`membership_id` integer NOT NULL,
	`category` text NOT NULL,
	`enterprise_id` integer NOT NULL,
	`added_by` integer NOT NULL,
	`added_at` text NOT NULL,
	`removed_at` text,
	`removed_by` integer,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `representatives_one_seat` ON `congress_representatives` (`congress_id`,`membership_id`) WHERE removed_at is null;--> statement-breakpoint
CREATE INDEX `representatives_membership` ON `congress_representatives` (`membership_id`);--> statement-breakpoint
CREATE TABLE `congress_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`agenda` text DEFAULT '[]' NOT NULL,
	`sign_in_token` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_congress` ON `congress_sessions` (`congress_id`,`date`);--> statement-breakpoint
CREATE TABLE `congresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`building_id` integer NOT NULL,
	`term_years` integer NOT NULL,
	`term_no` integer NOT NULL,
	`form` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `congresses_building` ON `congresses` (`building_id`,`starts_on`);--> statement-breakpoint
CREATE TABLE `disclosures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`building_id` integer NOT NULL,
	`enterprise_id` integer,
	`category` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`published_on` text NOT NULL,
	`attachment_path` text,
	`attachment_name` text,
	`attachment_mime` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disclosures_building` ON `disclosures` (`building_id`,`published_on`);--> statement-breakpoint
CREATE INDEX `disclosures_enterprise` ON `disclosures` (`enterprise_id`,`published_on`);--> statement-breakpoint
CREATE TABLE `motion_votes` (
	`motion_id` integer NOT NULL,
	`representative_id` integer NOT NULL,
	`vote` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`motion_id`, `representative_id`),
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`representative_id`) REFERENCES `congress_representatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `motions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`contract_id` integer,
	`status` text NOT NULL,
	`total_representatives` integer NOT NULL,
	`result` text,
	`yes` integer,
	`no` integer,
	`abstain` integer,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`closed_by` integer,
	`closed_at` text,
	FOREIGN KEY (`session_id`) REFERENCES `congress_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `motions_session` ON `motions` (`session_id`);--> statement-breakpoint
CREATE INDEX `motions_closed` ON `motions` (`status`,`closed_at`);--> statement-breakpoint
CREATE TABLE `session_attendance` (
	`session_id` integer NOT NULL,
	`representative_id` integer NOT NULL,
	`via` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`session_id`, `representative_id`),
	FOREIGN KEY (`session_id`) REFERENCES `congress_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`representative_id`) REFERENCES `congress_representatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
