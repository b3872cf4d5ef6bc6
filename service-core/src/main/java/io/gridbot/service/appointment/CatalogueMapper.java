package io.gridbot.service.appointment;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CatalogueMapper {

  /** Active service types, on-site first, then by code. */
  List<ServiceType> findServiceTypes();

  Optional<ServiceType> findServiceType(@Param("code") String code);

  /** The service type even if it is no longer offered (for bookings made before). */
  Optional<ServiceType> findAnyServiceType(@Param("code") String code);

  /** Active service points whose area prefix {@code areaCode} starts with, most local first. */
  List<ServicePoint> findServicePoints(@Param("areaCode") String areaCode);

  Optional<ServicePoint> findServicePoint(@Param("code") String code);

  Optional<Long> findServicePointId(@Param("code") String code);
}
