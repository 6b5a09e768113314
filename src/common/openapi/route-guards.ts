import { INestApplication, Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { RouteGuards } from './complete-document';

/**
 * Which routes have no guard on the controller or the handler: the auth decorators (PosAuth, RequirePermission,
 * MemberAuth) each add a guard, so these are the routes anyone may call. Keyed like @nestjs/swagger's default
 * operation ids (`Controller_method`).
 */
export function routeGuards(app: INestApplication): RouteGuards {
  const unguarded = new Set<string>();
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) {
        continue;
      }
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        const isRoute =
          Reflect.getMetadata(PATH_METADATA, handler) !== undefined && Reflect.getMetadata(METHOD_METADATA, handler) !== undefined;
        if (isRoute && !hasGuards(controller) && !hasGuards(handler)) {
          unguarded.add(`${controller.name}_${name}`);
        }
      }
    }
  }
  return { unguarded };
}

function hasGuards(target: object): boolean {
  const guards = Reflect.getMetadata(GUARDS_METADATA, target) as unknown[] | undefined;
  return (guards?.length ?? 0) > 0;
}
