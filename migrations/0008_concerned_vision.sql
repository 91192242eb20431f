CREATE TABLE `aid_federation_accounts` (
	`building_id` integer PRIMARY KEY NOT NULL,
	`account_name` text NOT NULL,
	`bank_name` text NOT NULL,
	`account_no` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `purchases_receipt_per_plan`;--> statement-breakpoint
CREATE UNIQUE INDEX `purchases_receipt_per_plan` ON `aid_purchases` (`plan_year`,`receipt_no`) WHERE receipt_no is not null and group_order_id is null;