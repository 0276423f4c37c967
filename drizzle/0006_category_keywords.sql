ALTER TABLE "service_categories" ADD COLUMN "keywords" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Existing projects: the default categories get their everyday words, and each project that has categories gets 电梯故障/困人 and 其他.
UPDATE "service_categories" SET "keywords" = ARRAY['漏水', '渗水', '水管', '爆管', '堵塞', '堵了', '下水', '马桶', '地漏', '停水', '没水', '水压', '水龙头', 'sg', 'sglsds']::text[] WHERE "code" = 'plumbing' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['渗漏', '渗水', '漏水', '外墙', '卫生间', '防水', '返潮', '发霉', 'ws', 'wsjwqsl']::text[] WHERE "code" = 'seepage' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['停电', '跳闸', '没电', '断电', '漏电', '插座', '开关', '电路', '电线', 'dl', 'hndlgz']::text[] WHERE "code" = 'electrical' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['门窗', '窗户', '门锁', '锁', '合页', '把手', '关不上', '玻璃', 'mc', 'mcwj']::text[] WHERE "code" = 'fittings' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['开裂', '裂缝', '起鼓', '空鼓', '墙面', '地面', '瓷砖', '地板', '掉漆', 'kl', 'qdmkl']::text[] WHERE "code" = 'decoration' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['电梯', '梯', '灯', '照明', '路灯', '楼道灯', '不亮', '燃气', '煤气', '天然气', '漏气', '火', '着火', '火警', '烟', '冒烟', '消防', '门禁', '门卡', '刷卡', '道闸', '停车场', '绿化', '垃圾', 'gg', 'ggss', 'ggssbx']::text[] WHERE "code" = 'public' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['电话', '座机', '固话', '没信号', 'dh', 'dhgz']::text[] WHERE "code" = 'telephone' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['宽带', '网络', '上网', '网断', '没网', 'wifi', '光猫', 'kd', 'kdgz']::text[] WHERE "code" = 'broadband' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['热水器', '热水', '没热水', '燃气热水器', 'rsq', 'rsqgz']::text[] WHERE "code" = 'water_heater' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['对讲', '可视对讲', '门铃', '门禁', '楼宇对讲', 'dj', 'ksdj', 'ksdjgz']::text[] WHERE "code" = 'intercom' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['防盗门', '入户门', '大门', '门锁', '打不开', 'fdm', 'fdmgz']::text[] WHERE "code" = 'security_door' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['邻居', '噪音', '吵', '扰民', '装修噪音', '漏水到楼下', '宠物', '狗', '纠纷', 'lj', 'ljjf']::text[] WHERE "code" = 'neighbour' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['意见', '建议', '提议', '反映', 'yj', 'yjjy']::text[] WHERE "code" = 'suggestion' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['咨询', '问', '询问', '物业费', '缴费', '收费', '交费', '费用', '车位', '停车', '停车费', '车库', '办证', '通知', '停水', '停电', 'zx']::text[] WHERE "code" = 'inquiry' AND "keywords" = '{}'::text[];
--> statement-breakpoint
UPDATE "service_categories" SET "keywords" = ARRAY['投诉', '不满', '服务态度', '态度', '差评', '举报', 'ts']::text[] WHERE "code" = 'complaint' AND "keywords" = '{}'::text[];
--> statement-breakpoint
INSERT INTO "service_categories" ("project_id", "code", "label", "kind", "scope_note", "keywords", "sort")
SELECT p."id", 'lift', '电梯故障/困人', 'repair', '电梯由物业委托的维保单位维修；困人时立即通知维保单位到场并安抚被困人员', ARRAY['电梯', '梯', '困人', '关人', '卡人', '电梯停运', '电梯不动', '电梯异响', '停梯', 'dt', 'dtgz', 'kr']::text[], (SELECT max(s."sort") + 1 FROM "service_categories" s WHERE s."project_id" = p."id")
FROM "projects" p WHERE NOT EXISTS (SELECT 1 FROM "service_categories" s WHERE s."project_id" = p."id" AND s."code" = 'lift') AND EXISTS (SELECT 1 FROM "service_categories" s WHERE s."project_id" = p."id");
--> statement-breakpoint
INSERT INTO "service_categories" ("project_id", "code", "label", "kind", "scope_note", "keywords", "sort")
SELECT p."id", 'other', '其他', 'repair', '暂无合适类别；来电所说的内容写入描述，由客服确认后处理', ARRAY['其它', '别的', '其他问题', 'qt']::text[], (SELECT max(s."sort") + 1 FROM "service_categories" s WHERE s."project_id" = p."id")
FROM "projects" p WHERE NOT EXISTS (SELECT 1 FROM "service_categories" s WHERE s."project_id" = p."id" AND s."code" = 'other') AND EXISTS (SELECT 1 FROM "service_categories" s WHERE s."project_id" = p."id");
