// A seeded set of Kubernetes manifests the size of a large estate: layered microservices
// (Deployments, each with its Service, env values naming the next layer's Services),
// StatefulSets for data (postgres, redis, kafka with KRaft), HPAs, PDBs and one Ingress
// in front, split into files of about 20 workloads each, as a repository would hold them.
import { seededRandom } from '../../src/engine/random';
import type { SourceFile } from '../../src/import';

export function manifestSet(workloads: number, seed = 17, perFile = 20): SourceFile[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const layers = 6;
  const data = Math.max(3, Math.round(workloads * 0.06));
  const services = workloads - data;
  const names = Array.from({ length: services }, (_, i) => `svc-${String(i + 1).padStart(4, '0')}`);
  const layerOf = (i: number) => Math.floor((i * layers) / services);
  const stores = Array.from({ length: data }, (_, i) => ({ name: `store-${i + 1}`, image: pick(['postgres:16', 'redis:7', 'bitnami/kafka:3.7']) }));
  const docs: string[] = [];
  names.forEach((name, i) => {
    const next = names.filter((_, j) => layerOf(j) === layerOf(i) + 1);
    const targets = new Set<string>();
    for (let k = 0; k < 1 + Math.floor(random() * 3) && next.length; k++) targets.add(pick(next));
    if (layerOf(i) >= layers - 2 || random() < 0.2) targets.add(pick(stores).name);
    const env = [...targets].map((t, k) => `        - name: DEP_${k}_ADDR\n          value: "${t}:${8000 + k}"`).join('\n');
    const spread = random() < 0.4
      ? `      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: topology.kubernetes.io/zone\n        whenUnsatisfiable: DoNotSchedule\n        labelSelector:\n          matchLabels: {app: ${name}}\n`
      : '';
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: ${1 + Math.floor(random() * 3)}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}, tier: layer-${layerOf(i)}}
    spec:
${spread}      containers:
      - name: main
        image: registry.example.com/shop/${name}:1.${i % 10}
        ports:
        - containerPort: 8080
${env ? `        env:\n${env}\n` : ''}        resources:
          requests: {cpu: 100m, memory: 128Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${name}}
  ports:
  - port: 8080
`);
    if (random() < 0.2) docs.push(`apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${name}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}\n  minReplicas: 2\n  maxReplicas: 10\n`);
    if (random() < 0.2) docs.push(`apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${name}\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: ${name}}\n`);
  });
  for (const s of stores) {
    docs.push(`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${s.name}
spec:
  serviceName: ${s.name}
  replicas: 3
  selector:
    matchLabels: {app: ${s.name}}
  template:
    metadata:
      labels: {app: ${s.name}}
    spec:
      containers:
      - name: main
        image: ${s.image}
${s.image.includes('kafka') ? '        env:\n        - name: KAFKA_CFG_PROCESS_ROLES\n          value: controller,broker\n' : ''}  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 10Gi}}
---
apiVersion: v1
kind: Service
metadata:
  name: ${s.name}
spec:
  clusterIP: None
  selector: {app: ${s.name}}
  ports:
  - port: 5432
`);
  }
  const front = names.filter((_, i) => layerOf(i) === 0).slice(0, 10);
  docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: public
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
${front.map((n) => `      - path: /${n}\n        pathType: Prefix\n        backend:\n          service:\n            name: ${n}\n            port: {number: 8080}`).join('\n')}
`);
  const files: SourceFile[] = [];
  const perDoc = Math.max(1, Math.round((docs.length * perFile) / workloads));
  for (let i = 0; i < docs.length; i += perDoc) {
    files.push({ path: `manifests/part-${String(files.length + 1).padStart(3, '0')}.yaml`, text: docs.slice(i, i + perDoc).join('---\n') });
  }
  return files;
}
