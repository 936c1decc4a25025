"""Python's official client (kubernetes, DynamicClient) reading a kubefacade server through discovery alone.

Usage: python3 dynamic-client.py KUBECONFIG DISCOVERY_CACHE_FILE

Loads the kubeconfig as a user's script would, walks discovery (/api, /apis and each group-version: the dynamic
client's LazyDiscoverer), lists every resource whose verbs include list, then reads each custom resource back by
its kind (every CustomResourceDefinition's served versions). Prints one line per result, for the jest test to
compare with the objects the server holds:

    version <kubernetes package version>
    list <group/version>/<Kind> <count>
    listfailed <group/version>/<Kind> <exception> <message>
    get <group/version>/<Kind> <namespace>/<name> <uid> <resourceVersion>
    getfailed <group/version>/<Kind> <exception> <message>
"""
import sys

import kubernetes
from kubernetes import client, config, dynamic
from kubernetes.dynamic.resource import ResourceList


def one_line(text):
    return " ".join(str(text).split())


def main(kubeconfig, cache_file):
    configuration = client.Configuration()
    config.load_kube_config(config_file=kubeconfig, client_configuration=configuration)
    # A cache file of the test's own: the default is shared in the temp folder and keyed by the server URL.
    dyn = dynamic.DynamicClient(client.ApiClient(configuration=configuration), cache_file=cache_file)
    print("version", kubernetes.__version__)

    # search() yields each resource and, beside it, a ResourceList (the same resource's *List pseudo-kind).
    resources = [r for r in dyn.resources.search() if not isinstance(r, ResourceList) and "list" in (r.verbs or [])]
    for resource in sorted(resources, key=lambda r: (r.group_version, r.kind)):
        label = f"{resource.group_version}/{resource.kind}"
        try:
            listed = resource.get()
            print("list", label, len(listed.items))
        except Exception as error:  # reported, never swallowed: the test fails on any listfailed line
            print("listfailed", label, type(error).__name__, one_line(error))

    definitions = dyn.resources.get(api_version="apiextensions.k8s.io/v1", kind="CustomResourceDefinition").get()
    for crd in definitions.items:
        for version in crd.spec.versions:
            if not version.served:
                continue
            api_version = f"{crd.spec.group}/{version.name}"
            label = f"{api_version}/{crd.spec.names.kind}"
            try:
                # By kind, as a user who knows only what the CRD says would ask for it.
                resource = dyn.resources.get(api_version=api_version, kind=crd.spec.names.kind)
                first = next(iter(resource.get().items), None)
                if first is None:
                    continue
                namespace = first.metadata.namespace
                got = resource.get(name=first.metadata.name, namespace=namespace)
                print("get", label, f"{got.metadata.namespace or ''}/{got.metadata.name}", got.metadata.uid, got.metadata.resourceVersion)
            except Exception as error:
                print("getfailed", label, type(error).__name__, one_line(error))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
