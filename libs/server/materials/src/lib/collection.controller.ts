import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@kehittamo/server/core';
import type { MaterialCollection, MaterialCollectionSummary } from '@kehittamo/shared/domain';
import { CollectionService } from './collection.service';
import { AddCollectionItemDto, CreateCollectionDto, ReorderCollectionDto, SpaceFilterDto, UpdateCollectionDto } from './dto/material.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('materials')
@Controller('material-collections')
export class CollectionController {
  constructor(private readonly collections: CollectionService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: SpaceFilterDto): Promise<MaterialCollectionSummary[]> {
    return this.collections.list(user, query.spaceId);
  }

  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateCollectionDto): Promise<MaterialCollection> {
    return this.collections.create(user, dto);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<MaterialCollection> {
    return this.collections.get(user, id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: UpdateCollectionDto): Promise<MaterialCollection> {
    return this.collections.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<void> {
    return this.collections.delete(user, id);
  }

  @Post(':id/items')
  addItem(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: AddCollectionItemDto): Promise<MaterialCollection> {
    return this.collections.addItem(user, id, dto.materialId, dto.position);
  }

  @Put(':id/items')
  reorder(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: ReorderCollectionDto): Promise<MaterialCollection> {
    return this.collections.reorder(user, id, dto.materialIds);
  }

  @Delete(':id/items/:materialId')
  removeItem(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Param('materialId', uuid) materialId: string,
  ): Promise<MaterialCollection> {
    return this.collections.removeItem(user, id, materialId);
  }
}
