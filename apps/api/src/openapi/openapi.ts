import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { APP_VERSION } from '../version.js';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Archipelago API')
    .setDescription(
      'The API behind the Archipelago learning platform. Errors are RFC 9457 problem details ' +
        '(application/problem+json); list endpoints paginate with page and pageSize. See docs/api.md.',
    )
    .setVersion(APP_VERSION)
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetails] });
}

/** Serves the document at /api/openapi.json and browsable docs at /api/docs. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Archipelago API',
    useGlobalPrefix: false,
  });
}
