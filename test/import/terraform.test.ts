// Terraform import (DESIGN section 7): .tf files through the HCL parser and `terraform show -json`.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { importInfrastructure } from '../../src/import';
import { fixture, imported, inline } from './helpers';

describe('terraform: an ALB, an autoscaling group and a Multi-AZ RDS (.tf files)', () => {
  it('components are the resources that serve or store, ids their addresses; the rest is named as not components', async () => {
    const r = await imported(fixture('terraform/alb-asg-rds'));
    expect(r.t.components.map((c) => c.id)).toEqual(['users', 'aws_autoscaling_group.app', 'aws_lb.app', 'aws_db_instance.app', 'aws_db_instance.app-standby']);
    expect(r.lines).toContain('not components (they neither serve nor store): aws_launch_template, aws_db_subnet_group, aws_security_group x3');
  });

  it('the ALB reaches the autoscaling group through its listener and target group; the instances reach the database through their launch template', async () => {
    const r = await imported(fixture('terraform/alb-asg-rds'));
    expect(r.deps('users')).toEqual(['aws_lb.app']);
    expect(r.deps('aws_lb.app')).toEqual(['aws_autoscaling_group.app']);
    expect(r.deps('aws_autoscaling_group.app')).toEqual(['aws_db_instance.app', 'aws_db_instance.app-standby']);
    expect(r.lines).toContain('terraform/alb-asg-rds/main.tf:38 aws_autoscaling_group.app: depends on aws_db_instance.app: aws_launch_template.app (its launch_template.id) refers to aws_db_instance.app.address in user_data');
  });

  it('min_size gives the replicas, the vpc module\'s azs (from var.region\'s default) the zones; the region from the provider block', async () => {
    const r = await imported(fixture('terraform/alb-asg-rds'));
    expect(r.component('aws_autoscaling_group.app')).toMatchObject({ kind: 'app', replicas: 2, domains: ['us-east-2a', 'us-east-2b', 'us-east-2c'] });
    expect(r.lines).toContain('terraform/alb-asg-rds/main.tf:48 aws_autoscaling_group.app: replicas 2 from min_size');
    expect(r.t.domains.map((d) => `${d.id}<${d.parent ?? ''}`)).toEqual(['aws<', 'us-east-2<aws', 'us-east-2a<us-east-2', 'us-east-2b<us-east-2', 'us-east-2c<us-east-2']);
    expect(r.lines).toContain('terraform/alb-asg-rds/main.tf:5 us-east-2: region us-east-2 from the provider block');
  });

  it('multi_az: a synchronous standby in another zone that callers reach too; the database is no SPOF', async () => {
    const r = await imported(fixture('terraform/alb-asg-rds'));
    expect(r.component('aws_db_instance.app')).toMatchObject({ domain: 'us-east-2a' });
    expect(r.component('aws_db_instance.app-standby')).toMatchObject({ role: 'standby', standby: 'warm', domain: 'us-east-2b' });
    expect(r.t.links).toContainEqual({ from: 'aws_db_instance.app', to: 'aws_db_instance.app-standby', type: 'replication', mode: 'sync' });
    const spofs = analyze(r.t).spofs.map((s) => s.id);
    expect(spofs).not.toContain('aws_db_instance.app');
    expect(spofs).not.toContain('us-east-2a');
    expect(spofs).toContain('aws_lb.app');
  });

  it('the ALB is internet-facing (internal = false), a managed load balancer at its SLA', async () => {
    const r = await imported(fixture('terraform/alb-asg-rds'));
    expect(r.component('aws_lb.app').availability).toBe(0.9999);
    expect(r.lines).toContain('terraform/alb-asg-rds/main.tf:60 aws_lb.app: assumed: availability 99.99% (Elastic Load Balancing SLA 99.99%)');
  });
});

describe('terraform: a `terraform show -json` plan', () => {
  it('reads resources, their instances and zones from planned_values, references from the configuration', async () => {
    const r = await imported(fixture('terraform/plan.json'));
    expect(r.formats).toEqual(['terraform-json']);
    expect(r.component('aws_instance.web')).toMatchObject({ replicas: 2, domains: ['us-east-1a', 'us-east-1b'] });
    expect(r.deps('aws_lb.web')).toEqual(['aws_instance.web']);
    expect(r.deps('aws_instance.web')).toEqual(['aws_db_instance.main', 'aws_db_instance.main-standby']);
    expect(r.lines).toContain('terraform/plan.json:39 aws_instance.web: 2 instances in the plan');
  });

  it('the Route 53 alias is where clients enter; the load balancer behind it gets no client of its own', async () => {
    const r = await imported(fixture('terraform/plan.json'));
    expect(r.deps('users')).toEqual(['aws_route53_record.www']);
    expect(r.deps('aws_route53_record.www')).toEqual(['aws_lb.web']);
    const report = analyze(r.t);
    expect(report.spofs.map((s) => s.id)).toEqual(expect.arrayContaining(['aws_route53_record.www', 'aws_lb.web']));
    expect(report.spofs.map((s) => s.id)).not.toContain('aws_db_instance.main');
  });

  it('a state (values, no configuration) finds references by ids and ARNs', async () => {
    const state = {
      format_version: '1.0',
      terraform_version: '1.9.5',
      values: {
        root_module: {
          resources: [
            { address: 'aws_elb.web', mode: 'managed', type: 'aws_elb', name: 'web', values: { id: 'web-elb', internal: false, instances: ['i-0a1', 'i-0b2'] } },
            { address: 'aws_instance.web[0]', mode: 'managed', type: 'aws_instance', name: 'web', index: 0, values: { id: 'i-0a1', availability_zone: 'eu-west-1a' } },
            { address: 'aws_instance.web[1]', mode: 'managed', type: 'aws_instance', name: 'web', index: 1, values: { id: 'i-0b2', availability_zone: 'eu-west-1b' } },
          ],
        },
      },
    };
    const r = await imported(inline('state.json', JSON.stringify(state, null, 2)));
    expect(r.deps('aws_elb.web')).toEqual(['aws_instance.web']);
    expect(r.component('aws_instance.web').domains).toEqual(['eu-west-1a', 'eu-west-1b']);
  });
});

describe('terraform: values that cannot be evaluated, modules, redundancy features', () => {
  it('a variable without a default and a function call are reported with their lines; the import goes on with a stated assumption', async () => {
    const r = await imported(inline('main.tf', `variable "app_count" {}
provider "aws" { region = var.region }
resource "aws_instance" "app" {
  count = var.app_count
}
resource "aws_elasticache_cluster" "c" {
  num_cache_nodes = max(1, length(var.nodes))
}
`));
    expect(r.component('aws_instance.app').replicas).toBeUndefined();
    expect(r.lines).toContain('main.tf:4 aws_instance.app: warning: count cannot be evaluated (var.app_count has no default and no value in the files): 1 instance assumed');
    expect(r.lines.some((l) => /^main\.tf:7 aws_elasticache_cluster\.c: warning: num_cache_nodes cannot be evaluated \(var\.nodes is not declared\): 1 assumed$/.test(l))).toBe(true);
    expect(r.lines).toContain('main.tf:2 warning: the aws region cannot be evaluated (var.region is not declared): one region "aws-region" assumed');
  });

  it('a count or a size given as a string is converted as Terraform does, and said; one that is no whole number is one instance, said as a guess', async () => {
    const r = await imported(inline('main.tf', `resource "aws_instance" "app" {
  count = "3"
}
resource "aws_ecs_service" "api" {
  desired_count = "2"
}
resource "aws_instance" "half" {
  count = 2.5
}
resource "aws_instance" "minus" {
  count = -1
}
resource "aws_ecs_service" "word" {
  desired_count = "many"
}
`));
    expect(r.component('aws_instance.app').replicas).toBe(3);
    expect(r.lines).toContain('main.tf:2 aws_instance.app: 3 instances from count, written as the string "3" (Terraform converts it to a number): read as 3');
    expect(r.component('aws_ecs_service.api').replicas).toBe(2);
    expect(r.lines).toContain('main.tf:5 aws_ecs_service.api: replicas 2 from desired_count, written as the string "2" (Terraform converts it to a number): read as 2');
    expect(r.component('aws_instance.half').replicas).toBeUndefined();
    expect(r.lines).toContain('main.tf:8 aws_instance.half: warning: count is 2.5, not a whole number of instances (Terraform refuses it): 1 instance assumed');
    expect(r.component('aws_instance.minus').replicas).toBeUndefined();
    expect(r.lines).toContain('main.tf:11 aws_instance.minus: warning: count is -1, not a whole number of instances (Terraform refuses it): 1 instance assumed');
    expect(r.lines).toContain('main.tf:14 aws_ecs_service.word: warning: desired_count is "many", not a whole number (Terraform refuses it): 1 assumed');
  });

  it('a number with an exponent and no fraction (count = 1e3, as HCL allows) is read as its value; the same text in a string or a comment stays text', async () => {
    // Before: "invalid HCL: unexpected \"ami\"" at the next line (the grammar takes an exponent only after a fraction).
    const r = await imported(inline('main.tf', `resource "aws_instance" "app" {
  count = 3e0
  ami   = "ami-1e3"
  # 1e3 in a comment
  tags  = { n = 1E+1, m = 2.5e1 }
}
resource "aws_ecs_service" "api" {
  desired_count = 2E0 * 2
}
`));
    expect(r.component('aws_instance.app').replicas).toBe(3);
    expect(r.lines).toContain('main.tf:2 aws_instance.app: 3 instances from count');
    expect(r.component('aws_ecs_service.api').replicas).toBe(4);
    // Past what a number holds (1e400 reads as Infinity): refused as too large, not as "Infinity instances".
    const huge = await importInfrastructure(inline('main.tf', 'resource "aws_instance" "web" {\n  count = 1e400\n}\n'));
    expect(huge.ok ? [] : huge.errors.map((e) => e.message)).toEqual(['aws_instance.web: a count too large for a number: a pool has from 1 to 1,000 (the limit that keeps every design analysable in bounded time)']);
  });

  it('zones or subnets given by an expression that cannot be evaluated (`[for s in var.x : s]`, x without a value) are said at their line, with what is assumed', async () => {
    const r = await imported(inline('main.tf', `provider "aws" {
  region = "us-east-1"
}
variable "subnet_ids" {}
variable "azs" {}
resource "aws_autoscaling_group" "app" {
  min_size            = 3
  vpc_zone_identifier = [for s in var.subnet_ids : s]
}
resource "aws_autoscaling_group" "worker" {
  min_size           = 2
  availability_zones = [for z in var.azs : z]
}
resource "aws_subnet" "a" {
  availability_zone = "us-east-1a"
}
resource "aws_instance" "known" {
  subnet_id = aws_subnet.a.id
}
`));
    expect(r.lines).toContain('main.tf:8 aws_autoscaling_group.app: warning: vpc_zone_identifier cannot be evaluated (var.subnet_ids has no default and no value in the files): its zones are unknown; no zone assumed (in region us-east-1 only)');
    expect(r.lines).toContain('main.tf:12 aws_autoscaling_group.worker: warning: availability_zones cannot be evaluated (var.azs has no default and no value in the files): its zones are unknown; no zone assumed (in region us-east-1 only)');
    // A subnet named by reference is followed to its zone, unknown id or not: nothing to say.
    expect(r.notesAbout('aws_instance.known').filter((n) => n.message.includes('cannot be evaluated'))).toEqual([]);
    expect(r.lines.some((l) => l.startsWith('main.tf:18 aws_instance.known: in zone'))).toBe(true);
  });

  it('what decides a standby or a replica but cannot be evaluated is said with what is assumed; a quoted cache count is converted, and said', async () => {
    const r = await imported(inline('main.tf', `variable "ha" {}
resource "aws_db_instance" "db" {
  engine   = "postgres"
  multi_az = var.ha
}
resource "aws_elasticache_replication_group" "cache" {
  num_cache_clusters         = "3"
  automatic_failover_enabled = var.ha
}
`));
    expect(r.lines).toContain('main.tf:4 aws_db_instance.db: warning: multi_az cannot be evaluated (var.ha has no default and no value in the files): no Multi-AZ standby assumed');
    expect(r.lines).toContain('main.tf:8 aws_elasticache_replication_group.cache: warning: automatic_failover_enabled cannot be evaluated (var.ha has no default and no value in the files): no automatic failover assumed');
    expect(r.lines).toContain('main.tf:7 aws_elasticache_replication_group.cache: num_cache_clusters 3, written as the string "3" (Terraform converts it to a number): read as 3');
    // Three nodes: the primary and two read replicas (no automatic failover assumed).
    expect(r.component('aws_elasticache_replication_group.cache-replicas').replicas).toBe(2);
  });

  it('evaluates literals, locals, templates, conditionals, for_each over a set and a .tfvars value', async () => {
    const r = await imported([
      { path: 'infra/main.tf', text: `locals { zones = ["a", "b", "c"] }
variable "ha" { default = false }
variable "region" {}
provider "aws" { region = var.region }
resource "aws_instance" "web" {
  for_each          = toset(["blue", "green"])
  availability_zone = "\${var.region}\${local.zones[0]}"
}
resource "aws_autoscaling_group" "api" {
  min_size           = var.ha ? 3 : 1
  availability_zones = [for z in local.zones : "\${var.region}\${z}"]
}
` },
      { path: 'infra/terraform.tfvars', text: 'region = "eu-central-1"\nha = true\n' },
    ]);
    expect(r.component('aws_instance.web')).toMatchObject({ replicas: 2, domain: 'eu-central-1a' });
    expect(r.component('aws_autoscaling_group.api').replicas).toBe(3);
    expect(r.component('aws_autoscaling_group.api').domains).toEqual(['eu-central-1a', 'eu-central-1b', 'eu-central-1c']);
  });

  it('community modules by their documented arguments when their source is not present; unknown ones reported', async () => {
    const r = await imported(inline('main.tf', `provider "aws" { region = "us-west-2" }
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
  azs    = ["us-west-2a", "us-west-2b"]
}
module "alb" {
  source   = "terraform-aws-modules/alb/aws"
  internal = false
}
module "asg" {
  source              = "terraform-aws-modules/autoscaling/aws"
  min_size            = 2
  vpc_zone_identifier = module.vpc.private_subnets
  target_group_arns   = module.alb.target_group_arns
}
module "db" {
  source   = "terraform-aws-modules/rds/aws"
  multi_az = true
}
module "mystery" {
  source = "git::https://example.com/mystery.git"
}
resource "aws_ssm_parameter" "db" {
  value = module.db.db_instance_address
}
`));
    expect(r.component('module.asg')).toMatchObject({ kind: 'app', replicas: 2, domains: ['us-west-2a', 'us-west-2b'] });
    expect(r.deps('module.alb')).toEqual(['module.asg']);
    expect(r.component('module.db-standby')).toMatchObject({ role: 'standby', domain: 'us-west-2b' });
    expect(r.lines).toContain('main.tf:20 module.mystery: warning: module source git::https://example.com/mystery.git is not in the files and is not a known community module: left out');
  });

  it('a local module is read with the arguments it is passed (addresses module.<name>.<type>.<name>)', async () => {
    const r = await imported([
      { path: 'live/main.tf', text: 'provider "aws" { region = "eu-west-1" }\nmodule "db" {\n  source = "../modules/db"\n  ha     = true\n}\n' },
      { path: 'modules/db/main.tf', text: 'variable "ha" { default = false }\nresource "aws_db_instance" "this" {\n  multi_az = var.ha\n}\n' },
    ]);
    expect(r.t.components.map((c) => c.id)).toEqual(['module.db.aws_db_instance.this', 'module.db.aws_db_instance.this-standby']);
  });

  it('an Aurora cluster with its instances, a cache group with automatic failover, bucket replication', async () => {
    const r = await imported(inline('main.tf', `provider "aws" { region = "us-east-1" }
resource "aws_rds_cluster" "orders" {
  availability_zones = ["us-east-1a", "us-east-1b", "us-east-1c"]
}
resource "aws_rds_cluster_instance" "orders" {
  count              = 3
  cluster_identifier = aws_rds_cluster.orders.id
}
resource "aws_elasticache_replication_group" "sessions" {
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}
resource "aws_elasticache_replication_group" "plain" {
  num_cache_clusters = 2
}
resource "aws_s3_bucket" "assets" {}
resource "aws_s3_bucket" "assets_dr" { provider = aws.west }
resource "aws_s3_bucket_replication_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id
  rule {
    destination { bucket = aws_s3_bucket.assets_dr.arn }
  }
}
`));
    expect(r.component('aws_rds_cluster.orders-readers')).toMatchObject({ role: 'standby', standby: 'hot', replicas: 2 });
    expect(r.component('aws_elasticache_replication_group.sessions-replicas')).toMatchObject({ role: 'standby', standby: 'hot' });
    expect(r.component('aws_elasticache_replication_group.plain-replicas')).toMatchObject({ role: 'replica' });
    expect(r.t.links).toContainEqual({ from: 'aws_s3_bucket.assets', to: 'aws_s3_bucket.assets_dr', type: 'replication', mode: 'async' });
  });

  it('Route 53 failover routing: one DNS name whose targets are alternatives; a primary without a health check is a finding', async () => {
    const r = await imported(inline('dns.tf', `provider "aws" { region = "us-east-1" }
resource "aws_lb" "east" {}
resource "aws_lb" "west" {}
resource "aws_route53_record" "primary" {
  name = "api.example.com"
  failover_routing_policy { type = "PRIMARY" }
  alias { name = aws_lb.east.dns_name }
}
resource "aws_route53_record" "secondary" {
  name = "api.example.com"
  failover_routing_policy { type = "SECONDARY" }
  alias { name = aws_lb.west.dns_name }
}
`));
    expect(r.t.components.map((c) => c.id)).not.toContain('aws_route53_record.secondary');
    expect(r.deps('aws_route53_record.primary')).toEqual(['aws_lb.east', 'aws_lb.west']);
    expect(analyze(r.t).spofs.map((s) => s.id)).not.toContain('aws_lb.east');
    expect(r.lines).toContain('dns.tf:6 aws_route53_record.primary: warning: a PRIMARY failover record without a health check: Route 53 never fails over from it');
  });

  it('invalid HCL is refused with its line and column, nothing imported', async () => {
    const r = await importInfrastructure(inline('bad.tf', 'resource "aws_lb" "x" {\n  internal = \n}\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ source: { file: 'bad.tf', line: expect.any(Number), column: expect.any(Number) } });
    if (!r.ok) expect(r.errors[0].message).toMatch(/^invalid HCL/);
  });

  it('a heredoc is text (braces and all, as HCL reads it); an interpolation or heredoc left open is refused where it opens, not at 1:1 or the end', async () => {
    const text = await imported(inline('main.tf', 'resource "aws_instance" "web" {\n  user_data = <<-EOT\n    }}}} {{{{\n    {"a": {"b": 1}}\n  EOT\n  ami = "x"\n}\n'));
    expect(text.component('aws_instance.web').kind).toBeDefined();
    const refused = async (tf: string) => {
      const r = await importInfrastructure(inline('bad.tf', tf));
      return r.ok ? 'imported' : `${r.errors[0].source.line}:${r.errors[0].source.column} ${r.errors[0].message}`;
    };
    const heredoc = (body: string) => `resource "aws_instance" "web" {\n  user_data = <<EOT\n${body}\nEOT\n}\nresource "aws_lb" "x" {}\n`;
    const hint = '(in a heredoc or a string, ${ and %{ start an interpolation; write $${ or %%{ for the text)';
    expect(await refused(heredoc('}}}}${{{{{'))).toBe(`3:5 invalid HCL: the \${ here is not closed ${hint}`);
    expect(await refused(heredoc('echo %{'))).toBe(`3:6 invalid HCL: the %{ here is not closed ${hint}`);
    expect(await refused(heredoc('${'))).toBe(`2:15 invalid HCL: the heredoc <<EOT opened here is not closed (no line EOT after it); the \${ at 3:1 runs past its line ${hint}`);
    expect(await refused('resource "aws_instance" "web" {\n  user_data = <<EOT\nhello\n}\n')).toBe('2:15 invalid HCL: the heredoc <<EOT opened here is not closed (no line EOT after it)');
    expect(await refused('resource "aws_instance" "web" {\n  ami = "x"\n\nresource "aws_lb" "x" {}\n')).toBe('1:1 invalid HCL: the block resource "aws_instance" "web" opened here is not closed (missing "}" at the end of the file)');
    expect(await refused('locals {\n  a = [1, 2\n}\n')).toBe('2:7 invalid HCL: the tuple opened here is not closed (missing "]" before 3:1)');
  });

  it('a read replica (replicate_source_db), CloudFront in front of a load balancer, an internal load balancer', async () => {
    const r = await imported(inline('main.tf', `provider "aws" { region = "eu-west-1" }
resource "aws_db_instance" "main" {}
resource "aws_db_instance" "reports" {
  replicate_source_db = aws_db_instance.main.identifier
}
resource "aws_lb" "public" {}
resource "aws_lb" "private" {
  internal = true
}
resource "aws_cloudfront_distribution" "site" {
  origin {
    domain_name = aws_lb.public.dns_name
  }
}
`));
    expect(r.component('aws_db_instance.reports').role).toBe('replica');
    expect(r.t.links).toContainEqual({ from: 'aws_db_instance.main', to: 'aws_db_instance.reports', type: 'replication', mode: 'async' });
    expect(r.deps('aws_cloudfront_distribution.site')).toEqual(['aws_lb.public']);
    expect(r.deps('users')).toEqual(['aws_cloudfront_distribution.site']);
    expect(r.lines).toContain('main.tf:8 aws_lb.private: internal (internal = true): no client in front of it');
  });

  it('Google and Azure: a regional Cloud SQL has a standby, Azure zones "1" and "2" are zones of the location', async () => {
    const r = await imported(inline('main.tf', `provider "google" { region = "europe-west1" }
resource "google_sql_database_instance" "db" {
  settings {
    availability_type = "REGIONAL"
  }
}
resource "azurerm_linux_virtual_machine_scale_set" "web" {
  location  = "westeurope"
  instances = 2
  zones     = ["1", "2"]
}
`));
    expect(r.component('google_sql_database_instance.db-standby')).toMatchObject({ role: 'standby', standby: 'warm' });
    expect(r.component('azurerm_linux_virtual_machine_scale_set.web')).toMatchObject({ replicas: 2, domains: ['westeurope-1', 'westeurope-2'] });
    expect(r.t.domains.find((d) => d.id === 'westeurope-1')?.parent).toBe('westeurope');
  });
});


describe('terraform: Azure, a load balancer -> backend pool -> network interfaces -> virtual machines', () => {
  it('the load balancer reaches the VMs through its backend pool, the associations and the NICs; the VMs reach the database', async () => {
    const r = await imported(fixture('terraform/azure-lb-vms'));
    expect(r.t.components.map((c) => c.id)).toEqual(['users', 'azurerm_lb.web', 'azurerm_linux_virtual_machine.web', 'azurerm_postgresql_flexible_server.shop']);
    expect(r.deps('users')).toEqual(['azurerm_lb.web']);
    expect(r.deps('azurerm_lb.web')).toEqual(['azurerm_linux_virtual_machine.web']);
    expect(r.deps('azurerm_linux_virtual_machine.web')).toEqual(['azurerm_postgresql_flexible_server.shop']);
    expect(r.lines).toContain('terraform/azure-lb-vms/main.tf:74 azurerm_lb.web: depends on azurerm_linux_virtual_machine.web: through azurerm_lb_backend_address_pool.web -> azurerm_network_interface_backend_address_pool_association.web -> azurerm_network_interface.web');
    expect(r.lines.some((l) => l.startsWith('not components') && l.includes('azurerm_network_interface'))).toBe(false);
  });

  it('count gives two VMs, `zone = local.zones[count.index]` one zone each; the Standard load balancer at its SLA', async () => {
    const r = await imported(fixture('terraform/azure-lb-vms'));
    expect(r.component('azurerm_linux_virtual_machine.web')).toMatchObject({ replicas: 2, domains: ['westeurope-1', 'westeurope-2'] });
    expect(r.lines).toContain('terraform/azure-lb-vms/main.tf:124 azurerm_linux_virtual_machine.web: in zones westeurope-1, westeurope-2 from zone');
    expect(r.component('azurerm_lb.web').availability).toBe(0.9999);
    const spofs = analyze(r.t).spofs.map((s) => s.id);
    expect(spofs).toContain('azurerm_postgresql_flexible_server.shop');
    expect(spofs).not.toContain('azurerm_linux_virtual_machine.web');
    expect(spofs).not.toContain('westeurope-2');
  });
});

describe('terraform: Google, a global forwarding rule -> proxy -> URL map -> backend service -> managed instance group', () => {
  it('the forwarding rule reaches the instance group through the chain; the group reaches Redis and Cloud SQL through its template', async () => {
    const r = await imported(fixture('terraform/gcp-http-lb'));
    expect(r.deps('users')).toEqual(['google_compute_global_forwarding_rule.web']);
    expect(r.deps('google_compute_global_forwarding_rule.web')).toEqual(['google_compute_region_instance_group_manager.web']);
    expect(r.lines).toContain('terraform/gcp-http-lb/main.tf:96 google_compute_global_forwarding_rule.web: depends on google_compute_region_instance_group_manager.web: through google_compute_target_http_proxy.web -> google_compute_url_map.web -> google_compute_backend_service.web');
    expect(r.deps('google_compute_region_instance_group_manager.web')).toEqual(['google_redis_instance.sessions', 'google_sql_database_instance.orders', 'google_sql_database_instance.orders-standby']);
  });

  it('three instances over three zones are no SPOF; the Basic-tier Redis is; Cloud SQL REGIONAL has its standby; Cloud Load Balancing at its SLA', async () => {
    const r = await imported(fixture('terraform/gcp-http-lb'));
    expect(r.component('google_compute_region_instance_group_manager.web')).toMatchObject({ replicas: 3, domains: ['us-central1-a', 'us-central1-b', 'us-central1-f'] });
    expect(r.component('google_sql_database_instance.orders-standby')).toMatchObject({ role: 'standby', domain: 'us-central1-b' });
    expect(r.component('google_compute_global_forwarding_rule.web').availability).toBe(0.9999);
    const spofs = analyze(r.t).spofs.map((s) => s.id);
    expect(spofs).toContain('google_redis_instance.sessions');
    expect(spofs).not.toContain('google_compute_region_instance_group_manager.web');
    expect(spofs).not.toContain('google_sql_database_instance.orders');
  });
});

describe('terraform: dynamic blocks, for expressions, count and for_each on modules', () => {
  it('dynamic blocks are read as the blocks they make: a backend per zonal instance group, subnets and target groups of an ECS service', async () => {
    const r = await imported(inline('main.tf', `provider "google" { region = "europe-west1" }
locals { zones = ["europe-west1-b", "europe-west1-c"] }
resource "google_compute_instance_group_manager" "web" {
  for_each    = toset(local.zones)
  zone        = each.value
  target_size = 2
}
resource "google_compute_backend_service" "web" {
  dynamic "backend" {
    for_each = google_compute_instance_group_manager.web
    content {
      group = backend.value.instance_group
    }
  }
}
resource "google_compute_url_map" "web" { default_service = google_compute_backend_service.web.id }
resource "google_compute_target_http_proxy" "web" { url_map = google_compute_url_map.web.id }
resource "google_compute_global_forwarding_rule" "web" { target = google_compute_target_http_proxy.web.id }
`));
    expect(r.deps('google_compute_global_forwarding_rule.web')).toEqual(['google_compute_instance_group_manager.web']);
    expect(r.component('google_compute_instance_group_manager.web')).toMatchObject({ replicas: 4, domains: ['europe-west1-b', 'europe-west1-c'] });

    const ecs = await imported(inline('ecs.tf', `provider "aws" { region = "eu-west-1" }
resource "aws_subnet" "a" { availability_zone = "eu-west-1a" }
resource "aws_subnet" "b" { availability_zone = "eu-west-1b" }
resource "aws_lb" "api" {}
resource "aws_lb_target_group" "api" {}
resource "aws_lb_listener" "api" {
  load_balancer_arn = aws_lb.api.arn
  default_action {
    target_group_arn = aws_lb_target_group.api.arn
  }
}
resource "aws_ecs_service" "api" {
  desired_count = 2
  dynamic "network_configuration" {
    for_each = [1]
    content {
      subnets = [for s in [aws_subnet.a, aws_subnet.b] : s.id]
    }
  }
  dynamic "load_balancer" {
    for_each = { api = aws_lb_target_group.api.arn }
    iterator = tg
    content {
      target_group_arn = tg.value
      container_name   = tg.key
    }
  }
}
`));
    expect(ecs.deps('aws_lb.api')).toEqual(['aws_ecs_service.api']);
    expect(ecs.component('aws_ecs_service.api')).toMatchObject({ replicas: 2, domains: ['eu-west-1a', 'eu-west-1b'] });
  });

  it('a dynamic block whose for_each cannot be evaluated is read as one block, said at its line; one evaluated in every instance is not', async () => {
    const r = await imported(inline('ecs.tf', `provider "aws" { region = "eu-west-1" }
variable "target_groups" {}
resource "aws_ecs_service" "api" {
  desired_count = 2
  dynamic "load_balancer" {
    for_each = var.target_groups
    iterator = tg
    content {
      target_group_arn = tg.value
    }
  }
  dynamic "network_configuration" {
    for_each = "one"
    content {
      subnets = []
    }
  }
  dynamic "capacity_provider_strategy" {
    content { base = 1 }
  }
}
resource "aws_ecs_service" "per_zone" {
  for_each = { a = ["x"], b = ["y", "z"] }
  dynamic "ordered_placement_strategy" {
    for_each = each.value
    content {
      dynamic "field" {
        for_each = ordered_placement_strategy.value == "z" ? var.target_groups : []
        content { name = field.value }
      }
    }
  }
}
`));
    const warnings = r.lines.filter((l) => l.includes('dynamic "'));
    expect(warnings).toEqual([
      'ecs.tf:6 aws_ecs_service.api: warning: dynamic "load_balancer": for_each cannot be evaluated (var.target_groups has no default and no value in the files): read as one load_balancer block, tg.key and tg.value unknown',
      'ecs.tf:13 aws_ecs_service.api: warning: dynamic "network_configuration": for_each cannot be evaluated ("one" is not a collection): read as one network_configuration block, network_configuration.key and network_configuration.value unknown',
      'ecs.tf:18 aws_ecs_service.api: warning: dynamic "capacity_provider_strategy" has no for_each (Terraform requires one): read as one capacity_provider_strategy block, capacity_provider_strategy.key and capacity_provider_strategy.value unknown',
      'ecs.tf:28 aws_ecs_service.per_zone: warning: dynamic "field": for_each cannot be evaluated (var.target_groups has no default and no value in the files): read as one field block, field.key and field.value unknown',
    ]);
  });

  it('for expressions: over lists and maps, with an index, a condition and grouping', async () => {
    const r = await imported(inline('main.tf', `provider "aws" { region = "us-east-1" }
variable "sizes" { default = { api = 3, batch = 0, web = 2 } }
locals {
  running = { for name, n in var.sizes : name => n if n > 0 }
  zones   = [for i, s in ["a", "b", "c"] : "us-east-1\${s}" if i < 2]
  byzone  = { for z in ["us-east-1a", "us-east-1b", "us-east-1a"] : z => z... }
  pinned  = keys(local.byzone)
}
resource "aws_autoscaling_group" "api" {
  min_size           = local.running["api"]
  availability_zones = local.zones
}
resource "aws_instance" "pinned" {
  count             = length(local.byzone["us-east-1a"])
  availability_zone = local.pinned[count.index]
}
`));
    expect(r.component('aws_autoscaling_group.api')).toMatchObject({ replicas: 3, domains: ['us-east-1a', 'us-east-1b'] });
    expect(r.component('aws_instance.pinned')).toMatchObject({ replicas: 2, domains: ['us-east-1a', 'us-east-1b'] });
  });

  it('count and for_each on module calls multiply what the module holds; count = 0 creates nothing, said so', async () => {
    const r = await imported([
      { path: 'live/main.tf', text: `provider "aws" { region = "eu-west-1" }
variable "bastion" { default = false }
module "worker" {
  source = "../modules/worker"
  count  = 3
}
module "cache" {
  source   = "terraform-aws-modules/elasticache/aws"
  for_each = toset(["sessions", "carts"])
}
resource "aws_instance" "bastion" {
  count = var.bastion ? 1 : 0
}
` },
      { path: 'modules/worker/main.tf', text: 'resource "aws_instance" "this" {\n  instance_type = "t3.micro"\n}\n' },
    ]);
    expect(r.component('module.worker.aws_instance.this').replicas).toBe(3);
    expect(r.lines).toContain('live/main.tf:5 module.worker: 3 instances from count');
    expect(r.component('module.cache').replicas).toBe(2);
    expect(r.t.components.map((c) => c.id)).not.toContain('aws_instance.bastion');
    expect(r.lines).toContain('live/main.tf:12 aws_instance.bastion: not created: count gives no instance');
  });
});

describe('terraform: no name is special (issue 14: plain objects as maps)', () => {
  it('a variable named __proto__ takes its .tfvars value; a for_each key and a resource attribute named __proto__ count; a function named constructor is not called', async () => {
    const r = await imported([
      { path: 'main.tf', text: `variable "__proto__" { default = 1 }
provider "aws" { region = "us-east-1" }
resource "aws_db_instance" "db" {
  engine = "postgres"
}
resource "aws_instance" "web" {
  count     = var.__proto__
  __proto__ = aws_db_instance.db.address
}
resource "aws_instance" "api" {
  for_each = { __proto__ = "a", constructor = "b", toString = "c" }
}
resource "aws_instance" "job" {
  count = constructor(2)
}
` },
      { path: 'terraform.tfvars', text: '__proto__ = 3\n' },
    ]);
    expect(r.component('aws_instance.web').replicas).toBe(3);
    expect(r.deps('aws_instance.web')).toEqual(['aws_db_instance.db']);
    expect(r.component('aws_instance.api').replicas).toBe(3);
    expect(r.lines).toContain('main.tf:14 aws_instance.job: warning: count cannot be evaluated (the function constructor() is not evaluated): 1 instance assumed');
  });
});
