// The Terraform resource table (inframap keeps the same knowledge in provider tables):
// which resource types become components and of what kind, which attributes say how many
// instances, where they run and whom they serve; which types only connect others (a
// listener, a target group); and the community modules read by their documented arguments
// when their source is not in the files. Data, tested row by row (test/import/terraformTable.test.ts).
import type { ComponentKind } from '../../model';

/** What the interpreter does beyond the common reading, for the types that need it. */
export type Feature =
  | 'rds-instance' | 'rds-cluster' | 'elasticache-group' | 's3-bucket' | 'route53-record'
  | 'cloudsql' | 'memorystore' | 'azure-flexible-db';

export interface ResourceRow {
  /** A resource type (`aws_lb`), or for a module row the pattern of its source. */
  type: string;
  kind: ComponentKind;
  /** Attributes giving the number of instances, the first set wins (`min_size`). */
  size?: string[];
  /** Attributes naming zones: a zone or a list of zones. */
  zones?: string[];
  /** Attributes referring to subnets (their zones are the component's zones). */
  subnets?: string[];
  /** A managed service: its SLA from src/model/presets.ts MANAGED_PRESETS. */
  managed?: string;
  /** A front door clients may enter by (DESIGN section 7, "Entries"): public unless `internal` says otherwise. */
  front?: { internal?: string; internalValues?: string[] };
  /** Attributes that make this resource the target of a load balancer (the load balancer depends on it). */
  targetOf?: string[];
  feature?: Feature;
}

export const RESOURCE_TABLE: readonly ResourceRow[] = [
  // AWS
  { type: 'aws_lb', kind: 'loadbalancer', managed: 'aws-elb', front: { internal: 'internal' } },
  { type: 'aws_alb', kind: 'loadbalancer', managed: 'aws-elb', front: { internal: 'internal' } },
  { type: 'aws_elb', kind: 'loadbalancer', managed: 'aws-elb', front: { internal: 'internal' } },
  { type: 'aws_autoscaling_group', kind: 'app', size: ['min_size', 'desired_capacity'], zones: ['availability_zones'], subnets: ['vpc_zone_identifier'], targetOf: ['target_group_arns', 'load_balancers'] },
  { type: 'aws_instance', kind: 'app', zones: ['availability_zone'], subnets: ['subnet_id'] },
  { type: 'aws_ecs_service', kind: 'app', size: ['desired_count'], subnets: ['network_configuration.subnets'], targetOf: ['load_balancer.target_group_arn', 'load_balancer.elb_name'] },
  { type: 'aws_lambda_function', kind: 'service' },
  { type: 'aws_db_instance', kind: 'database', zones: ['availability_zone'], feature: 'rds-instance' },
  { type: 'aws_rds_cluster', kind: 'database', zones: ['availability_zones'], feature: 'rds-cluster' },
  { type: 'aws_dynamodb_table', kind: 'database', managed: 'aws-dynamodb' },
  { type: 'aws_elasticache_replication_group', kind: 'cache', zones: ['preferred_cache_cluster_azs'], feature: 'elasticache-group' },
  { type: 'aws_elasticache_cluster', kind: 'cache', size: ['num_cache_nodes'], zones: ['availability_zone', 'preferred_availability_zones'] },
  { type: 'aws_s3_bucket', kind: 'storage', feature: 's3-bucket' },
  { type: 'aws_sqs_queue', kind: 'queue' },
  { type: 'aws_sns_topic', kind: 'queue' },
  { type: 'aws_kinesis_stream', kind: 'queue' },
  { type: 'aws_msk_cluster', kind: 'queue', size: ['number_of_broker_nodes'], subnets: ['broker_node_group_info.client_subnets'] },
  { type: 'aws_mq_broker', kind: 'queue' },
  { type: 'aws_route53_record', kind: 'dns', front: {}, feature: 'route53-record' },
  { type: 'aws_cloudfront_distribution', kind: 'cdn', front: {} },
  { type: 'aws_api_gateway_rest_api', kind: 'loadbalancer', front: {} },
  { type: 'aws_apigatewayv2_api', kind: 'loadbalancer', front: {} },
  // Google Cloud
  { type: 'google_compute_instance', kind: 'app', zones: ['zone'] },
  { type: 'google_compute_instance_group_manager', kind: 'app', size: ['target_size'], zones: ['zone'], targetOf: ['target_pools'] },
  { type: 'google_compute_region_instance_group_manager', kind: 'app', size: ['target_size'], zones: ['distribution_policy_zones'], targetOf: ['target_pools'] },
  { type: 'google_compute_global_forwarding_rule', kind: 'loadbalancer', managed: 'gcp-cloud-lb', front: { internal: 'load_balancing_scheme', internalValues: ['INTERNAL', 'INTERNAL_MANAGED', 'INTERNAL_SELF_MANAGED'] } },
  { type: 'google_compute_forwarding_rule', kind: 'loadbalancer', managed: 'gcp-cloud-lb', front: { internal: 'load_balancing_scheme', internalValues: ['INTERNAL', 'INTERNAL_MANAGED', 'INTERNAL_SELF_MANAGED'] } },
  { type: 'google_sql_database_instance', kind: 'database', zones: ['settings.location_preference.zone'], feature: 'cloudsql' },
  { type: 'google_redis_instance', kind: 'cache', zones: ['location_id'], feature: 'memorystore' },
  { type: 'google_storage_bucket', kind: 'storage' },
  { type: 'google_pubsub_topic', kind: 'queue' },
  { type: 'google_dns_record_set', kind: 'dns', front: {} },
  { type: 'google_cloud_run_service', kind: 'service' },
  { type: 'google_cloud_run_v2_service', kind: 'service' },
  // Azure
  { type: 'azurerm_linux_virtual_machine', kind: 'app', zones: ['zone'] },
  { type: 'azurerm_windows_virtual_machine', kind: 'app', zones: ['zone'] },
  { type: 'azurerm_virtual_machine', kind: 'app', zones: ['zones'] },
  { type: 'azurerm_linux_virtual_machine_scale_set', kind: 'app', size: ['instances'], zones: ['zones'] },
  { type: 'azurerm_windows_virtual_machine_scale_set', kind: 'app', size: ['instances'], zones: ['zones'] },
  { type: 'azurerm_lb', kind: 'loadbalancer', managed: 'azure-lb', front: {} },
  { type: 'azurerm_application_gateway', kind: 'loadbalancer', managed: 'azure-app-gateway', front: {} },
  { type: 'azurerm_linux_web_app', kind: 'app' },
  { type: 'azurerm_windows_web_app', kind: 'app' },
  { type: 'azurerm_mssql_database', kind: 'database' },
  { type: 'azurerm_postgresql_flexible_server', kind: 'database', zones: ['zone'], feature: 'azure-flexible-db' },
  { type: 'azurerm_mysql_flexible_server', kind: 'database', zones: ['zone'], feature: 'azure-flexible-db' },
  { type: 'azurerm_cosmosdb_account', kind: 'database' },
  { type: 'azurerm_redis_cache', kind: 'cache' },
  { type: 'azurerm_storage_account', kind: 'storage' },
  { type: 'azurerm_servicebus_queue', kind: 'queue' },
  { type: 'azurerm_eventhub', kind: 'queue' },
  { type: 'azurerm_dns_a_record', kind: 'dns', front: {} },
  { type: 'azurerm_dns_cname_record', kind: 'dns', front: {} },
  { type: 'azurerm_cdn_endpoint', kind: 'cdn', front: {} },
  { type: 'azurerm_cdn_frontdoor_endpoint', kind: 'cdn', front: {} },
];

/**
 * Resource types that only connect components: a load balancer reaches its targets through
 * them (listener -> target group -> attachment -> instance), in whichever direction they refer.
 */
export const CONNECTOR_TYPES: ReadonlySet<string> = new Set([
  'aws_lb_listener', 'aws_alb_listener', 'aws_lb_listener_rule', 'aws_alb_listener_rule',
  'aws_lb_target_group', 'aws_alb_target_group', 'aws_lb_target_group_attachment', 'aws_alb_target_group_attachment',
  'aws_autoscaling_attachment', 'aws_autoscaling_traffic_source_attachment', 'aws_elb_attachment',
  'google_compute_target_http_proxy', 'google_compute_target_https_proxy', 'google_compute_target_tcp_proxy', 'google_compute_target_ssl_proxy',
  'google_compute_target_grpc_proxy', 'google_compute_region_target_http_proxy', 'google_compute_region_target_https_proxy',
  'google_compute_region_target_tcp_proxy', 'google_compute_url_map', 'google_compute_region_url_map',
  'google_compute_backend_service', 'google_compute_region_backend_service', 'google_compute_backend_bucket', 'google_compute_target_pool',
  'google_compute_instance_group', 'google_compute_network_endpoint_group', 'google_compute_region_network_endpoint_group',
  'google_compute_global_network_endpoint_group',
  // Azure: load balancer -> backend pool -> (association) -> network interface -> virtual machine.
  'azurerm_lb_backend_address_pool', 'azurerm_lb_rule', 'azurerm_network_interface_backend_address_pool_association',
  'azurerm_lb_backend_address_pool_address', 'azurerm_network_interface',
  'azurerm_network_interface_application_gateway_backend_address_pool_association',
]);

/**
 * Resource types that bind a consumer to what it consumes: the consumer (the component its
 * `consumer` attribute refers to) depends on the source (its `source` attribute).
 */
export const BINDING_TYPES: Readonly<Record<string, { consumer: string; source: string }>> = {
  aws_lambda_event_source_mapping: { consumer: 'function_name', source: 'event_source_arn' },
  aws_sns_topic_subscription: { consumer: 'endpoint', source: 'topic_arn' },
};

/** Community modules (registry sources), by their documented arguments. */
export const MODULE_TABLE: readonly (ResourceRow & { source: RegExp })[] = [
  { source: /terraform-aws-modules\/rds\/aws/, type: 'module:rds', kind: 'database', zones: ['availability_zone'], feature: 'rds-instance' },
  { source: /terraform-aws-modules\/rds-aurora\/aws/, type: 'module:rds-aurora', kind: 'database', feature: 'rds-cluster' },
  { source: /terraform-aws-modules\/alb\/aws/, type: 'module:alb', kind: 'loadbalancer', managed: 'aws-elb', front: { internal: 'internal' } },
  { source: /terraform-aws-modules\/elb\/aws/, type: 'module:elb', kind: 'loadbalancer', managed: 'aws-elb', front: { internal: 'internal' } },
  { source: /terraform-aws-modules\/autoscaling\/aws/, type: 'module:autoscaling', kind: 'app', size: ['min_size', 'desired_capacity'], zones: ['availability_zones'], subnets: ['vpc_zone_identifier'], targetOf: ['target_group_arns', 'traffic_source_attachments'] },
  { source: /terraform-aws-modules\/ec2-instance\/aws/, type: 'module:ec2-instance', kind: 'app', zones: ['availability_zone'], subnets: ['subnet_id'] },
  { source: /terraform-aws-modules\/elasticache\/aws/, type: 'module:elasticache', kind: 'cache', feature: 'elasticache-group' },
  { source: /terraform-aws-modules\/s3-bucket\/aws/, type: 'module:s3-bucket', kind: 'storage' },
  { source: /terraform-aws-modules\/sqs\/aws/, type: 'module:sqs', kind: 'queue' },
  { source: /terraform-aws-modules\/dynamodb-table\/aws/, type: 'module:dynamodb-table', kind: 'database', managed: 'aws-dynamodb' },
];

/** Modules that hold no component but say where others run: the vpc module's `azs`. */
export const VPC_MODULE = /terraform-aws-modules\/vpc\/aws/;

export function rowOfType(type: string): ResourceRow | undefined {
  return RESOURCE_TABLE.find((r) => r.type === type);
}

export function rowOfModule(source: string): ResourceRow | undefined {
  return MODULE_TABLE.find((r) => r.source.test(source));
}
