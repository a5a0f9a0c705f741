// An offline check of the Kubernetes manifests in docs/kubernetes (no cluster, no API server):
// the kinds we ship (RuntimeClass, Deployment, Service) against the parts of their schemas we
// use — required fields, field names (a typo is an error, as the API server's strict field
// validation makes it), value types and ranges, DNS names — and the references between them:
// runtimeClassName → a RuntimeClass, its handler → the containerd handler, selector → pod
// labels, targetPort → a container port.
// Usage: manifest_check [--handler NAME] FILE.yaml…   (exit 1 and one line per problem)
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

std::vector<std::string> problems;
void problem(const std::string& where, const std::string& what) { problems.push_back(where + ": " + what); }

bool dns_label(const std::string& s) { return std::regex_match(s, std::regex("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")); }
bool dns_subdomain(const std::string& s) {
  return s.size() <= 253 && std::regex_match(s, std::regex("[a-z0-9]([-a-z0-9.]*[a-z0-9])?"));
}

void only_fields(const YAML::Node& n, const std::string& where, const std::set<std::string>& allowed) {
  if (!n.IsMap()) {
    problem(where, "expected a mapping");
    return;
  }
  for (const auto& kv : n) {
    std::string key = kv.first.as<std::string>();
    if (!allowed.count(key)) problem(where, "unknown field \"" + key + "\"");
  }
}

std::string str(const YAML::Node& n, const std::string& where, bool required = true) {
  if (!n || n.IsNull()) {
    if (required) problem(where, "missing");
    return "";
  }
  if (!n.IsScalar()) {
    problem(where, "expected a string");
    return "";
  }
  return n.as<std::string>();
}

std::map<std::string, std::string> labels(const YAML::Node& n, const std::string& where) {
  std::map<std::string, std::string> out;
  if (!n) return out;
  if (!n.IsMap()) {
    problem(where, "expected a mapping of labels");
    return out;
  }
  for (const auto& kv : n) out[kv.first.as<std::string>()] = kv.second.as<std::string>();
  return out;
}

int port_number(const YAML::Node& n, const std::string& where) {
  int p = 0;
  try {
    p = n.as<int>();
  } catch (const YAML::Exception&) {
    problem(where, "expected a port number");
    return 0;
  }
  if (p < 1 || p > 65535) problem(where, "port " + std::to_string(p) + " is out of range 1–65535");
  return p;
}

struct Workload {
  std::string name, runtime_class, where;
  std::map<std::string, std::string> pod_labels;
  std::set<std::string> port_names;
  std::set<int> ports;
};

struct Manifests {
  std::map<std::string, std::string> runtime_classes;  // name → handler
  std::vector<Workload> workloads;
  std::vector<std::pair<std::string, YAML::Node>> services;  // where, doc
};

void metadata(const YAML::Node& doc, const std::string& where) {
  only_fields(doc["metadata"], where + ".metadata", {"name", "namespace", "labels", "annotations"});
  std::string name = str(doc["metadata"]["name"], where + ".metadata.name");
  if (!name.empty() && !dns_subdomain(name)) problem(where + ".metadata.name", "\"" + name + "\" is not a DNS name");
}

void check_runtime_class(const YAML::Node& doc, const std::string& where, Manifests& m) {
  only_fields(doc, where, {"apiVersion", "kind", "metadata", "handler", "overhead", "scheduling"});
  if (str(doc["apiVersion"], where + ".apiVersion") != "node.k8s.io/v1") problem(where, "apiVersion must be node.k8s.io/v1");
  std::string handler = str(doc["handler"], where + ".handler");
  if (!handler.empty() && !dns_label(handler)) problem(where + ".handler", "\"" + handler + "\" is not a DNS label");
  m.runtime_classes[str(doc["metadata"]["name"], where + ".metadata.name", false)] = handler;
}

void check_deployment(const YAML::Node& doc, const std::string& where, Manifests& m) {
  only_fields(doc, where, {"apiVersion", "kind", "metadata", "spec"});
  if (str(doc["apiVersion"], where + ".apiVersion") != "apps/v1") problem(where, "apiVersion must be apps/v1");
  const YAML::Node spec = doc["spec"];
  only_fields(spec, where + ".spec", {"replicas", "selector", "template", "strategy", "minReadySeconds", "revisionHistoryLimit"});
  if (spec["replicas"] && spec["replicas"].as<int>(-1) < 0) problem(where + ".spec.replicas", "expected a count");
  only_fields(spec["selector"], where + ".spec.selector", {"matchLabels", "matchExpressions"});
  auto selector = labels(spec["selector"]["matchLabels"], where + ".spec.selector.matchLabels");
  const YAML::Node tmpl = spec["template"];
  only_fields(tmpl, where + ".spec.template", {"metadata", "spec"});
  only_fields(tmpl["metadata"], where + ".spec.template.metadata", {"labels", "annotations", "name"});
  Workload w;
  w.where = where;
  w.name = str(doc["metadata"]["name"], where + ".metadata.name", false);
  w.pod_labels = labels(tmpl["metadata"]["labels"], where + ".spec.template.metadata.labels");
  if (selector.empty()) problem(where + ".spec.selector.matchLabels", "missing");
  for (const auto& [k, v] : selector)
    if (!w.pod_labels.count(k) || w.pod_labels[k] != v)
      problem(where + ".spec.selector", "selects " + k + "=" + v + ", which the pod template's labels do not have");
  const YAML::Node pod = tmpl["spec"];
  only_fields(pod, where + ".spec.template.spec",
              {"runtimeClassName", "containers", "initContainers", "restartPolicy", "nodeSelector", "tolerations",
               "terminationGracePeriodSeconds", "securityContext", "serviceAccountName", "affinity"});
  w.runtime_class = str(pod["runtimeClassName"], where + ".spec.template.spec.runtimeClassName", false);
  if (!pod["containers"] || !pod["containers"].IsSequence() || pod["containers"].size() == 0) {
    problem(where + ".spec.template.spec.containers", "at least one container is required");
  } else {
    for (size_t i = 0; i < pod["containers"].size(); ++i) {
      const YAML::Node c = pod["containers"][i];
      std::string cw = where + ".spec.template.spec.containers[" + std::to_string(i) + "]";
      only_fields(c, cw, {"name", "image", "args", "command", "env", "ports", "resources", "imagePullPolicy",
                          "securityContext", "workingDir", "volumeMounts", "livenessProbe", "readinessProbe"});
      std::string name = str(c["name"], cw + ".name");
      if (!name.empty() && !dns_label(name)) problem(cw + ".name", "\"" + name + "\" is not a DNS label");
      str(c["image"], cw + ".image");
      if (c["ports"]) {
        for (size_t j = 0; j < c["ports"].size(); ++j) {
          const YAML::Node p = c["ports"][j];
          std::string pw = cw + ".ports[" + std::to_string(j) + "]";
          only_fields(p, pw, {"name", "containerPort", "protocol", "hostPort", "hostIP"});
          w.ports.insert(port_number(p["containerPort"], pw + ".containerPort"));
          if (p["name"]) w.port_names.insert(p["name"].as<std::string>());
          if (p["protocol"]) {
            std::string proto = p["protocol"].as<std::string>();
            if (proto != "TCP" && proto != "UDP" && proto != "SCTP") problem(pw + ".protocol", "must be TCP, UDP or SCTP");
          }
        }
      }
      if (c["resources"]) only_fields(c["resources"], cw + ".resources", {"limits", "requests"});
    }
  }
  m.workloads.push_back(w);
}

void check_service(const YAML::Node& doc, const std::string& where, Manifests& m) {
  only_fields(doc, where, {"apiVersion", "kind", "metadata", "spec"});
  if (str(doc["apiVersion"], where + ".apiVersion") != "v1") problem(where, "apiVersion must be v1");
  only_fields(doc["spec"], where + ".spec", {"selector", "ports", "type", "clusterIP", "externalTrafficPolicy", "sessionAffinity"});
  if (!doc["spec"]["ports"] || doc["spec"]["ports"].size() == 0) problem(where + ".spec.ports", "at least one port is required");
  for (size_t j = 0; doc["spec"]["ports"] && j < doc["spec"]["ports"].size(); ++j) {
    const YAML::Node p = doc["spec"]["ports"][j];
    std::string pw = where + ".spec.ports[" + std::to_string(j) + "]";
    only_fields(p, pw, {"name", "port", "targetPort", "protocol", "nodePort"});
    port_number(p["port"], pw + ".port");
  }
  m.services.emplace_back(where, doc);
}

void check_references(const Manifests& m, const std::string& handler) {
  for (const auto& [name, h] : m.runtime_classes)
    if (!handler.empty() && h != handler)
      problem("RuntimeClass " + name, "handler \"" + h + "\" is not the containerd handler \"" + handler + "\"");
  for (const Workload& w : m.workloads)
    if (!w.runtime_class.empty() && !m.runtime_classes.count(w.runtime_class))
      problem(w.where, "runtimeClassName \"" + w.runtime_class + "\" names no RuntimeClass in these files");
  for (const auto& [where, svc] : m.services) {
    auto selector = labels(svc["spec"]["selector"], where + ".spec.selector");
    const Workload* target = nullptr;
    for (const Workload& w : m.workloads) {
      bool all = !selector.empty();
      for (const auto& [k, v] : selector) all = all && w.pod_labels.count(k) && w.pod_labels.at(k) == v;
      if (all) target = &w;
    }
    if (!target) {
      problem(where + ".spec.selector", "selects no pods of the workloads in these files");
      continue;
    }
    for (size_t j = 0; svc["spec"]["ports"] && j < svc["spec"]["ports"].size(); ++j) {
      const YAML::Node p = svc["spec"]["ports"][j];
      YAML::Node t = p["targetPort"] ? p["targetPort"] : p["port"];
      std::string tp = t.as<std::string>();
      bool numeric = !tp.empty() && tp.find_first_not_of("0123456789") == std::string::npos;
      bool found = numeric ? target->ports.count(std::stoi(tp)) > 0 : target->port_names.count(tp) > 0;
      if (!found)
        problem(where + ".spec.ports[" + std::to_string(j) + "].targetPort",
                "\"" + tp + "\" is not a port of " + target->name + "'s containers");
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string handler;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--handler" && i + 1 < argc) handler = argv[++i];
    else files.push_back(a);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: manifest_check [--handler NAME] FILE.yaml...\n");
    return 2;
  }
  Manifests m;
  for (const auto& f : files) {
    std::vector<YAML::Node> docs;
    try {
      docs = YAML::LoadAllFromFile(f);
    } catch (const YAML::Exception& e) {
      problem(f, std::string("not YAML: ") + e.what());
      continue;
    }
    for (size_t i = 0; i < docs.size(); ++i) {
      const YAML::Node& doc = docs[i];
      if (doc.IsNull()) continue;
      std::string kind = doc["kind"] ? doc["kind"].as<std::string>() : "";
      std::string where = f + " #" + std::to_string(i + 1) + " (" + (kind.empty() ? "?" : kind) + ")";
      try {
        metadata(doc, where);
        if (kind == "RuntimeClass") check_runtime_class(doc, where, m);
        else if (kind == "Deployment") check_deployment(doc, where, m);
        else if (kind == "Service") check_service(doc, where, m);
        else problem(where, "kind \"" + kind + "\" is not one this check knows");
      } catch (const YAML::Exception& e) {
        problem(where, std::string("unexpected shape: ") + e.what());
      }
    }
  }
  check_references(m, handler);
  for (const auto& p : problems) std::printf("%s\n", p.c_str());
  std::printf("%zu problem(s) in %zu file(s)\n", problems.size(), files.size());
  return problems.empty() ? 0 : 1;
}
