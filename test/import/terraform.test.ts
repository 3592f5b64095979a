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
    // A `for` expression is not evaluated: said so, and the group stays in its region.
    expect(r.component('aws_autoscaling_group.api').domain).toBe('eu-central-1');
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

