# kubeclient (Ruby) reading a kubefacade server through discovery alone.
#
# Usage: ruby kubeclient.rb KUBECONFIG
#
# Reads the kubeconfig with Kubeclient::Config.read, then makes one Kubeclient::Client per group-version the server
# discovers (/api v1, and every version of every group in /apis), calls `discover` on it and lists each resource
# whose verbs include list through the method discover defined for it (get_pods, get_deployments, get_widgets...).
# Each CustomResourceDefinition's resources are then read back by name (get_widget(name, namespace)). Prints:
#
#   version <kubeclient version>
#   auth <bearer_token|...>               the kinds of credentials the kubeconfig's user gave kubeclient
#   list <group/version>/<Kind> <method> <count>
#   listfailed <group/version>/<Kind> <method> <error class> <message>
#   get <group/version>/<Kind> <method> <namespace>/<name> <uid> <resourceVersion>
#   getfailed <group/version>/<Kind> <method> <error class> <message>
require 'json'
require 'kubeclient'

def one_line(text)
  text.to_s.split.join(' ')
end

context = Kubeclient::Config.read(ARGV.fetch(0)).context
endpoint = context.api_endpoint
ssl_options = context.ssl_options
auth_options = context.auth_options
puts "version #{Kubeclient::VERSION}"
puts "auth #{auth_options.keys.sort.join(',')}"

client_for = lambda do |path, version|
  Kubeclient::Client.new("#{endpoint}#{path}", version, ssl_options: ssl_options, auth_options: auth_options)
end

core = client_for.call('/api', 'v1')
# Raw GETs through kubeclient's rest client carry its headers (the bearer token among them) as its own calls do.
group_versions = [['', 'v1', '/api']]
JSON.parse(core.create_rest_client('/apis').get(core.headers).body).fetch('groups').each do |group|
  group.fetch('versions').each { |v| group_versions << [group.fetch('name'), v.fetch('version'), "/apis/#{group.fetch('name')}"] }
end

listed = {}
group_versions.each do |group, version, path|
  client = client_for.call(path, version)
  client.discover
  group_version = group.empty? ? version : "#{group}/#{version}"
  JSON.parse(client.rest_client.get(client.headers).body).fetch('resources').each do |resource|
    next if resource.fetch('name').include?('/') || !resource.fetch('verbs').include?('list')

    names = Kubeclient::ClientMixin.parse_definition(resource.fetch('kind'), resource.fetch('name')).method_names
    label = "#{group_version}/#{resource.fetch('kind')}"
    method = "get_#{names[1]}"
    begin
      items = client.public_send(method)
      listed[label] = [client, names[0], items]
      puts "list #{label} #{method} #{items.size}"
    rescue StandardError => e
      puts "listfailed #{label} #{method} #{e.class} #{one_line(e.message)}"
    end
  end
end

listed.fetch('apiextensions.k8s.io/v1/CustomResourceDefinition')[2].each do |crd|
  crd.spec.versions.each do |version|
    next unless version.served

    label = "#{crd.spec.group}/#{version.name}/#{crd.spec.names.kind}"
    client, singular, items = listed[label]
    next if client.nil? || items.empty?

    method = "get_#{singular}"
    first = items.first.metadata
    begin
      got = client.public_send(method, first.name, first.namespace)
      puts "get #{label} #{method} #{got.metadata.namespace}/#{got.metadata.name} #{got.metadata.uid} #{got.metadata.resourceVersion}"
    rescue StandardError => e
      puts "getfailed #{label} #{method} #{e.class} #{one_line(e.message)}"
    end
  end
end
