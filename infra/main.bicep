// VisitPlanner on Azure Functions Flex Consumption (.NET 10 isolated runs there, not on Linux Consumption),
// with one storage account for the Functions host, the deployment package and VisitPlanner's tables.
// Build and lint offline:  dotnet build infra   (restores the Bicep CLI from NuGet and runs `bicep build`)
// Deploy:                  az deployment group create -g <group> -f infra/main.bicep -p name=<unique-name>

targetScope = 'resourceGroup'

@description('Base name for the resources; letters and digits, globally unique enough for a storage account.')
@minLength(3)
@maxLength(18)
param name string

param location string = resourceGroup().location

@description('Instance memory of the Flex Consumption plan, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the app may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('The public base URL every link uses (feeds, pages, QR codes), e.g. https://visits.example.gov.cn; empty for the app\'s default host name.')
param publicBaseUrl string = ''

var storageName = toLower('${name}st')
var deploymentContainer = 'app-package'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource packages 'containers' = {
      name: deploymentContainer
    }
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: '${name}-func'
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'StorageAccountConnectionString'
            storageAccountConnectionStringName: 'AzureWebJobsStorage'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage: storageConnection
      APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
      // VisitPlanner's tables live in the same account; a prefix keeps them apart from the host's own tables.
      VisitPlanner__Storage__ConnectionString: storageConnection
      VisitPlanner__Storage__TablePrefix: 'vp'
      VisitPlanner__Feeds__VersionCheckSeconds: '5'
      // Behind Azure's front end the worker cannot tell forwarded headers from a client's: links use this base instead.
      VisitPlanner__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl
    }
  }
}

output functionAppName string = app.name
output apiBaseUrl string = 'https://${app.properties.defaultHostName}/api'
